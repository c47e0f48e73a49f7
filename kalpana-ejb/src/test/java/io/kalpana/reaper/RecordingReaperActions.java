package io.kalpana.reaper;

import io.kalpana.metrics.KalpanaMetrics;
import io.kalpana.runtime.WorkspaceRuntime;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceLifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kalpana's own reaper actions on a lifecycle and runtime a test wired, except that a deletion is recorded instead
 * of done: the workspace service behind it is not part of these tests, and whether the reaper deletes is the question.
 */
public final class RecordingReaperActions extends LifecycleReaperActions {

    private final List<WorkspaceId> deleted = new CopyOnWriteArrayList<>();

    public RecordingReaperActions(WorkspaceLifecycle lifecycle, WorkspaceRuntime runtime, KalpanaMetrics metrics) {
        this.lifecycle = lifecycle;
        this.runtime = runtime;
        this.metrics = metrics;
    }

    @Override
    public void delete(WorkspaceId id, String reason) {
        deleted.add(id);
    }

    /** The workspaces the reaper deleted, in order. */
    public List<WorkspaceId> deleted() {
        return List.copyOf(deleted);
    }
}
