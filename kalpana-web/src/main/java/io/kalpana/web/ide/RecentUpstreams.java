package io.kalpana.web.ide;

import io.kalpana.identity.Caller;
import io.kalpana.workspace.WorkspaceId;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Upstreams resolved in the last moments, per caller and workspace. Opening VS Code costs about a hundred
 * requests in a second; checking each of them against the database again added milliseconds to every one. What
 * the check decides cannot go stale in a way that matters: a workspace's owner never changes, and the caller's
 * roles are part of the key. A workspace stopped or restarted meanwhile answers on its old port with a refused
 * connection, which evicts the entry.
 */
final class RecentUpstreams {

    /** Short enough that a restarted workspace is found again before anyone could have opened it. */
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(2);
    private static final int SWEEP_ABOVE = 1_000;

    private record Key(Caller caller, WorkspaceId workspace) {
    }

    private record Entry(IdeUpstream upstream, long expiresAtNanos) {
    }

    private final ConcurrentMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    RecentUpstreams(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    Optional<IdeUpstream> get(Caller caller, WorkspaceId workspace) {
        Entry entry = entries.get(new Key(caller, workspace));
        if (entry == null || nanoClock.getAsLong() - entry.expiresAtNanos() >= 0) {
            return Optional.empty();
        }
        return Optional.of(entry.upstream());
    }

    void put(Caller caller, IdeUpstream upstream) {
        long now = nanoClock.getAsLong();
        if (entries.size() >= SWEEP_ABOVE) {
            entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
        }
        entries.put(new Key(caller, upstream.workspace()), new Entry(upstream, now + TIME_TO_LIVE.toNanos()));
    }

    /** Every caller's entry of this workspace. */
    void forget(WorkspaceId workspace) {
        entries.keySet().removeIf(key -> key.workspace().equals(workspace));
    }

    int size() {
        return entries.size();
    }
}
