package io.kalpana.reaper;

import io.kalpana.identity.Username;
import io.kalpana.port.HostPort;
import io.kalpana.port.PortPair;
import io.kalpana.workspace.ActivitySignal;
import io.kalpana.workspace.ReaperWarningKind;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceStatus;
import org.bson.Document;

import java.time.Instant;
import java.util.Optional;

/** What the reaper needs to know of one workspace, read in one query for the whole sweep. */
record WorkspaceSnapshot(WorkspaceId id, Username owner, String name, WorkspaceStatus status,
                         Optional<String> statusReason, Instant lastActivityAt, Optional<ActivitySignal> lastSignal,
                         Optional<Instant> startedAt, Instant stoppedAt, Optional<ReaperWarningKind> warningKind,
                         Optional<Instant> warnedAt, Optional<PortPair> ports) {

    /** The same workspace after a newer sign of use was recorded (which lifts an idle warning). */
    WorkspaceSnapshot withActivity(ActivitySignal signal, Instant at) {
        boolean lifted = warningKind.filter(ReaperWarningKind.IDLE::equals).isPresent();
        return new WorkspaceSnapshot(id, owner, name, status, statusReason, at, Optional.of(signal), startedAt, stoppedAt,
                lifted ? Optional.empty() : warningKind, lifted ? Optional.empty() : warnedAt, ports);
    }

    /** From a workspace document as JNoSQL wrote it (instants as ISO text) and the reaper updated it. */
    static WorkspaceSnapshot of(Document document) {
        Instant updatedAt = instant(document, "updatedAt").orElse(Instant.EPOCH);
        Instant createdAt = instant(document, "createdAt").orElse(updatedAt);
        Object millis = document.get("lastActivityMillis");
        Instant lastActivity = millis instanceof Number number ? Instant.ofEpochMilli(number.longValue())
                : instant(document, "lastActivityAt").orElse(createdAt);
        Integer ide = document.get("idePort") instanceof Number n ? n.intValue() : null;
        Integer bridge = document.get("bridgePort") instanceof Number n ? n.intValue() : null;
        return new WorkspaceSnapshot(new WorkspaceId(document.getString("_id")), new Username(document.getString("owner")),
                document.getString("name"), WorkspaceStatus.valueOf(document.getString("status")),
                Optional.ofNullable(document.getString("statusReason")), lastActivity,
                Optional.ofNullable(document.getString("lastSignal")).map(ActivitySignal::valueOf),
                instant(document, "startedAt"), instant(document, "stoppedAt").orElse(updatedAt),
                Optional.ofNullable(document.getString("warningKind")).map(ReaperWarningKind::valueOf),
                instant(document, "warnedAt"),
                ide == null || bridge == null ? Optional.empty()
                        : Optional.of(new PortPair(new HostPort(ide), new HostPort(bridge))));
    }

    private static Optional<Instant> instant(Document document, String field) {
        Object value = document.get(field);
        if (value instanceof String text && !text.isBlank()) {
            return Optional.of(Instant.parse(text));
        }
        if (value instanceof java.util.Date date) {
            return Optional.of(date.toInstant());
        }
        return Optional.empty();
    }
}
