package io.kalpana.audit;

import io.kalpana.identity.Username;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps audit events in memory, so tests can see what was recorded and by whom. */
public class RecordingAuditLog extends AuditLog {

    public record Entry(String actor, String action, String target, String detail) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(Username actor, String action, String target, String detail) {
        entries.add(new Entry(actor == null ? "system" : actor.value(), action, target, detail));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<Entry> withAction(String action) {
        return entries.stream().filter(entry -> entry.action().equals(action)).toList();
    }
}
