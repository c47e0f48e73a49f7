package io.kalpana.reaper;

import io.kalpana.audit.AuditLog;
import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.ActivitySignal;
import io.kalpana.workspace.ReaperWarningKind;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceActivity;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceService;
import io.kalpana.workspace.WorkspaceStates;
import io.kalpana.workspace.WorkspaceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores the last sign of use of each workspace. The IDE proxy may report every request, so writes are
 * throttled to one per workspace per {@link #THROTTLE}; a sign that falls inside that window is kept as pending
 * and written by {@link #flush()} (at every reaper tick of this instance), so the stored time lags by at most one
 * sweep interval and never goes backwards: the store only accepts a time newer than the one it has.
 */
@ApplicationScoped
public class ActivityRecorder {

    private static final Logger LOG = Logger.getLogger(ActivityRecorder.class.getName());
    static final Duration THROTTLE = Duration.ofSeconds(15);

    @Inject
    WorkspaceStates states;

    @Inject
    WorkspaceService workspaces;

    @Inject
    AuditLog audit;

    private Clock clock = Clock.systemUTC();
    private final Map<WorkspaceId, Instant> written = new ConcurrentHashMap<>();
    private final Map<WorkspaceId, WorkspaceActivity> pending = new ConcurrentHashMap<>();

    /** For CDI. */
    public ActivityRecorder() {
    }

    /** For tests, without a container. */
    public ActivityRecorder(WorkspaceStates states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    void on(@Observes WorkspaceActivity activity) {
        try {
            record(activity);
        } catch (RuntimeException e) {
            // Whoever fired the event (a proxied request, an agent turn) must not fail because of bookkeeping.
            LOG.log(Level.WARNING, "workspace=" + activity.workspace() + " activity " + activity.signal()
                    + " not recorded: " + e.getMessage(), e);
        }
    }

    public void record(WorkspaceActivity activity) {
        Instant last = written.get(activity.workspace());
        boolean urgent = activity.signal() == ActivitySignal.KEEP_RUNNING || activity.signal() == ActivitySignal.STARTED;
        if (urgent || last == null || !activity.at().isBefore(last.plus(THROTTLE))) {
            write(activity);
        } else {
            pending.merge(activity.workspace(), activity, (old, now) -> now.at().isAfter(old.at()) ? now : old);
        }
    }

    /** Writes the signs held back by the throttle. */
    public void flush() {
        for (WorkspaceId id : pending.keySet()) {
            WorkspaceActivity held = pending.remove(id);
            if (held != null) {
                try {
                    write(held);
                } catch (RuntimeException e) {
                    pending.merge(id, held, (newer, old) -> newer.at().isAfter(old.at()) ? newer : old);
                    LOG.log(Level.WARNING, "workspace=" + id + " held activity not written, retried next tick: " + e.getMessage());
                }
            }
        }
    }

    /**
     * The owner's (or an admin's) "Keep running": counts as use of a RUNNING workspace, lifting an idle warning,
     * and restarts the retention period of a STOPPED one warned of its deletion. Another person's workspace is 404.
     */
    public Workspace keepRunning(Caller caller, WorkspaceId id) {
        Workspace workspace = workspaces.get(caller, id);
        if (workspace.warningKind().filter(kind -> !kind.avertable()).isPresent()) {
            throw KalpanaException.conflict("workspace_lifetime_reached", "Workspace '" + workspace.name()
                    + "' reached its maximum running time and will be stopped anyway; start it again afterwards");
        }
        if (workspace.status() == WorkspaceStatus.RUNNING) {
            write(new WorkspaceActivity(id, ActivitySignal.KEEP_RUNNING, clock.instant()));
        } else if (workspace.status() == WorkspaceStatus.STOPPED) {
            states.keepStopped(id);
        } else {
            throw KalpanaException.conflict("workspace_busy", "Workspace '" + workspace.name() + "' is "
                    + workspace.status() + " right now; keep it running once it runs");
        }
        audit.record(caller.username(), "workspace.keep-running", "workspace:" + id,
                "status=" + workspace.status() + workspace.warningKind().map(ReaperWarningKind::name).map(k -> " warning=" + k).orElse(""));
        LOG.info(() -> "workspace=" + id + " kept running by " + caller.username());
        return workspaces.get(caller, id);
    }

    private void write(WorkspaceActivity activity) {
        written.merge(activity.workspace(), activity.at(), (old, now) -> now.isAfter(old) ? now : old);
        boolean stored = states.recordActivity(activity.workspace(), activity.signal(), activity.at());
        LOG.fine(() -> "workspace=" + activity.workspace() + " activity " + activity.signal() + " at " + activity.at()
                + (stored ? "" : " (older than the stored one)"));
    }
}
