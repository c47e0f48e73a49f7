package io.kalpana.workspace;

import java.time.Instant;
import java.util.Objects;

/**
 * A sign of use of a workspace, fired as a CDI event by whoever sees it (IDE proxy, agent, bridge tools) and
 * observed by the reaper, so none of them needs to know how idleness is decided.
 */
public record WorkspaceActivity(WorkspaceId workspace, ActivitySignal signal, Instant at) {

    public WorkspaceActivity {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(at, "at");
    }

    public static WorkspaceActivity now(WorkspaceId workspace, ActivitySignal signal) {
        return new WorkspaceActivity(workspace, signal, Instant.now());
    }
}
