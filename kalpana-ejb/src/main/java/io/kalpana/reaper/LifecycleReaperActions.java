package io.kalpana.reaper;

import io.kalpana.metrics.KalpanaMetrics;
import io.kalpana.port.PortPair;
import io.kalpana.runtime.IdeHeartbeat;
import io.kalpana.runtime.WorkspaceRuntime;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceLifecycle;
import io.kalpana.workspace.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
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

    @Inject
    KalpanaMetrics metrics;

    @Override
    public boolean stop(WorkspaceId id, WorkspaceLifecycle.SystemStop why, long seenActivityMillis, String reason) {
        boolean stopped = lifecycle.stopBySystem(id, why, seenActivityMillis, reason);
        if (stopped) {
            metrics.stoppedBySystem(why.name().toLowerCase(Locale.ROOT));
        }
        return stopped;
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
        metrics.deletedBySystem();
    }

    @Override
    public Optional<IdeHeartbeat> ideHeartbeat(PortPair ports) {
        return runtime.ideHeartbeat(ports);
    }
}
