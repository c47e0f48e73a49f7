package io.kalpana.reaper;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.kalpana.audit.AuditLog;
import io.kalpana.settings.LiveSettings;
import io.kalpana.store.DocumentLease;
import io.kalpana.workspace.ActivitySignal;
import io.kalpana.workspace.ReaperWarningKind;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceLifecycle.SystemStop;
import io.kalpana.workspace.WorkspaceStates;
import io.kalpana.workspace.WorkspaceStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One sweep of the reaper over all workspaces, by whichever Kalpana instance holds the sweep lease. Every
 * action is a status swap or conditional write, so even a sweep that overlapped another (a lease that lapsed
 * under a very slow sweep) cannot stop a workspace twice or stop one that was used a moment ago.
 */
public class SweepRunner {

    private static final Logger LOG = Logger.getLogger(SweepRunner.class.getName());
    static final String LEASE = "reaper-sweep";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final DocumentLease lease;
    private final String holder;
    private final Duration leaseTtl;
    private final Supplier<MongoDatabase> database;
    private final Supplier<LiveSettings> settings;
    private final WorkspaceStates states;
    private final ReaperActions actions;
    private final AuditLog audit;
    private final Clock clock;

    public SweepRunner(Supplier<MongoDatabase> database, String holder, Duration leaseTtl,
                       Supplier<LiveSettings> settings, WorkspaceStates states, ReaperActions actions, AuditLog audit,
                       Clock clock) {
        this.lease = new DocumentLease(database, clock);
        this.holder = holder;
        this.leaseTtl = leaseTtl;
        this.database = database;
        this.settings = settings;
        this.states = states;
        this.actions = actions;
        this.audit = audit;
        this.clock = clock;
    }

    public SweepReport sweepOnce() {
        if (!lease.tryAcquire(LEASE, holder, leaseTtl)) {
            LOG.fine(() -> "workspace=* sweep skipped: another Kalpana instance is sweeping");
            return SweepReport.skipped();
        }
        try {
            return sweep(settings.get());
        } finally {
            try {
                lease.release(LEASE, holder);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "workspace=* sweep lease not released; it lapses in " + leaseTtl, e);
            }
        }
    }

    private SweepReport sweep(LiveSettings live) {
        Counts counts = new Counts();
        List<WorkspaceSnapshot> workspaces = snapshots(live);
        Set<WorkspaceId> holdingResources = null;
        for (WorkspaceSnapshot workspace : workspaces) {
            try {
                if (workspace.status() == WorkspaceStatus.ERROR) {
                    if (holdingResources == null) {
                        holdingResources = actions.holdingResources();
                    }
                    if (holdingResources.contains(workspace.id())
                            && actions.cleanUpAfterError(workspace.id(), workspace.statusReason().orElse(null))) {
                        counts.cleaned++;
                    }
                } else {
                    act(workspace, live, counts);
                }
            } catch (RuntimeException e) {
                counts.failed++;
                LOG.log(Level.WARNING, "workspace=" + workspace.id() + " reaper could not handle it (status "
                        + workspace.status() + "): " + e.getMessage() + "; trying again next sweep", e);
            }
            if (!lease.tryAcquire(LEASE, holder, leaseTtl)) {
                LOG.warning(() -> "workspace=* sweep lease lost to another instance; ending this sweep early");
                break;
            }
        }
        SweepReport report = new SweepReport(true, counts.warned, counts.stopped, counts.deleted, counts.cleaned, counts.failed);
        if (counts.warned + counts.stopped + counts.deleted + counts.cleaned + counts.failed > 0) {
            LOG.info(() -> "workspace=* sweep over " + workspaces.size() + " workspaces: " + report);
        }
        return report;
    }

    private void act(WorkspaceSnapshot workspace, LiveSettings live, Counts counts) {
        Instant now = clock.instant();
        ReaperDecision decision = IdlePolicy.decide(workspace, live, now);
        if (decision.aboutIdleness()) {
            // Only now ask the IDE: the database knows nothing of typing in the editor, code-server does.
            Optional<Instant> ideUse = workspace.ports().flatMap(actions::ideHeartbeat).flatMap(beat -> beat.lastUse(now));
            if (ideUse.isPresent() && ideUse.get().isAfter(workspace.lastActivityAt())) {
                states.recordActivity(workspace.id(), ActivitySignal.IDE, ideUse.get());
                workspace = workspace.withActivity(ActivitySignal.IDE, ideUse.get());
                decision = IdlePolicy.decide(workspace, live, now);
                WorkspaceSnapshot used = workspace;
                LOG.fine(() -> "workspace=" + used.id() + " IDE in use at " + ideUse.get());
            }
        }
        WorkspaceId id = workspace.id();
        long seen = workspace.lastActivityAt().toEpochMilli();
        switch (decision.action()) {
            case NONE -> {
            }
            case WARN_IDLE -> warn(workspace, WorkspaceStatus.RUNNING, ReaperWarningKind.IDLE, "No activity since "
                    + TIME.format(workspace.lastActivityAt()) + ": this workspace will be stopped at about "
                    + TIME.format(decision.due()) + " unless it is used or you keep it running", seen, counts);
            case WARN_LIFETIME -> warn(workspace, WorkspaceStatus.RUNNING, ReaperWarningKind.LIFETIME,
                    "This workspace reaches its maximum running time of " + HumanDuration.of(live.maxLifetime().orElseThrow())
                            + " and will be stopped at about " + TIME.format(decision.due()) + "; its files are kept", seen, counts);
            case WARN_DELETION -> warn(workspace, WorkspaceStatus.STOPPED, ReaperWarningKind.DELETION, "Stopped for "
                    + HumanDuration.of(live.stoppedRetention().orElseThrow()) + ": this workspace and its files will be"
                    + " deleted at about " + DATE_TIME.format(decision.due()) + " unless you start it or keep it", seen, counts);
            case STOP_IDLE -> {
                if (actions.stop(id, SystemStop.IDLE, seen, "stopped after " + HumanDuration.of(live.idleTimeout())
                        + " without activity")) {
                    counts.stopped++;
                }
            }
            case STOP_LIFETIME -> {
                if (actions.stop(id, SystemStop.LIFETIME, seen, "stopped after reaching the maximum running time of "
                        + HumanDuration.of(live.maxLifetime().orElseThrow()))) {
                    counts.stopped++;
                }
            }
            case DELETE -> {
                actions.delete(id, "stopped for longer than " + HumanDuration.of(live.stoppedRetention().orElseThrow()));
                counts.deleted++;
            }
        }
    }

    private void warn(WorkspaceSnapshot workspace, WorkspaceStatus expected, ReaperWarningKind kind, String text,
                      long seenActivityMillis, Counts counts) {
        if (states.warn(workspace.id(), expected, kind, text, seenActivityMillis)) {
            counts.warned++;
            audit.record(null, "workspace.warn", "workspace:" + workspace.id(), kind + ": " + text);
            LOG.info(() -> "workspace=" + workspace.id() + " owner " + workspace.owner() + " warned: " + text);
        }
    }

    private List<WorkspaceSnapshot> snapshots(LiveSettings live) {
        List<String> statuses = new ArrayList<>(List.of(WorkspaceStatus.RUNNING.name(), WorkspaceStatus.ERROR.name()));
        if (live.stoppedRetention().isPresent()) {
            statuses.add(WorkspaceStatus.STOPPED.name());
        }
        List<WorkspaceSnapshot> result = new ArrayList<>();
        database.get().getCollection(Workspace.COLLECTION).find(Filters.in("status", statuses)).forEach(document -> {
            try {
                result.add(WorkspaceSnapshot.of(document));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "workspace=" + document.get("_id") + " unreadable for the reaper: " + e.getMessage());
            }
        });
        return result;
    }

    private static final class Counts {
        int warned;
        int stopped;
        int deleted;
        int cleaned;
        int failed;
    }
}
