package io.kalpana.reaper;

import io.kalpana.port.PortPair;
import io.kalpana.runtime.IdeHeartbeat;
import io.kalpana.runtime.WorkspaceRuntime;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceLifecycle;
import io.kalpana.workspace.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/** The reaper's actions done by the workspace lifecycle, with its status swaps, ports and audit. */
@ApplicationScoped
public class LifecycleReaperActions implements ReaperActions {

    @Inject
    WorkspaceLifecycle lifecycle;

    @Inject
    WorkspaceService workspaces;

    @Inject
    WorkspaceRuntime runtime;

    @Override
    public boolean stop(WorkspaceId id, WorkspaceLifecycle.SystemStop why, long seenActivityMillis, String reason) {
        return lifecycle.stopBySystem(id, why, seenActivityMillis, reason);
    }

    @Override
    public boolean cleanUpAfterError(WorkspaceId id, String earlierReason) {
        return lifecycle.cleanUpAfterError(id, earlierReason);
    }

    @Override
    public Set<WorkspaceId> holdingResources() {
        return lifecycle.holdingResources();
    }

    @Override
    public void delete(WorkspaceId id, String reason) {
        workspaces.deleteBySystem(id, reason);
    }

    @Override
    public Optional<IdeHeartbeat> ideHeartbeat(PortPair ports) {
        return runtime.ideHeartbeat(ports);
    }
}
