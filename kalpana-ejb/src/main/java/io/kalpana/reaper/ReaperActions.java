package io.kalpana.reaper;

import io.kalpana.port.PortPair;
import io.kalpana.runtime.IdeHeartbeat;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceLifecycle.SystemStop;

import java.util.Optional;
import java.util.Set;

/** What a sweep does to workspaces and asks of their containers; the lifecycle in Kalpana, simpler in tests. */
public interface ReaperActions {

    /** False when another stop or newer activity came first. */
    boolean stop(WorkspaceId id, SystemStop why, long seenActivityMillis, String reason);

    boolean cleanUpAfterError(WorkspaceId id, String earlierReason);

    Set<WorkspaceId> holdingResources();

    void delete(WorkspaceId id, String reason);

    Optional<IdeHeartbeat> ideHeartbeat(PortPair ports);
}
