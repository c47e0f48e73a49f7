package io.kalpana.workspace;

import io.kalpana.audit.AuditLog;
import io.kalpana.identity.Caller;
import io.kalpana.image.ImageCatalog;
import io.kalpana.image.ImageReference;
import io.kalpana.metrics.KalpanaMetrics;
import io.kalpana.port.PortAllocator;
import io.kalpana.port.PortPair;
import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;
import io.kalpana.quota.QuotaService;
import io.kalpana.runtime.FirstFiles;
import io.kalpana.runtime.KalpanaCallbackUrl;
import io.kalpana.runtime.ManagedContainer;
import io.kalpana.runtime.StartListener;
import io.kalpana.runtime.StartStep;
import io.kalpana.runtime.StartedContainer;
import io.kalpana.runtime.WorkspaceLaunch;
import io.kalpana.runtime.WorkspaceProvisioner;
import io.kalpana.runtime.WorkspaceRuntime;
import io.kalpana.runtime.WorkspaceSecrets;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Starting and stopping workspaces: status claimed by compare-and-set first, then ports, container and
 * readiness, so that racing requests (also from other Kalpana instances) cannot both act. Runs without a
 * transaction because MongoDB writes are not transactional here and a start may take minutes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkspaceLifecycle {

    private static final Logger LOG = Logger.getLogger(WorkspaceLifecycle.class.getName());

    static final int PORT_ATTEMPTS = 3;
    static final String GONE_AT_STARTUP = "container was gone at startup";
    static final String STARTING_AT_STARTUP = "Kalpana went down while the workspace was starting; start it again";
    static final String INTERRUPTED_AT_STARTUP = "a stop was interrupted when Kalpana went down; the workspace is stopped";

    @Inject
    WorkspaceService workspaces;

    @Inject
    WorkspaceStates states;

    @Inject
    PortAllocator ports;

    @Inject
    WorkspaceRuntime runtime;

    @Inject
    WorkspaceProvisioner provisioner;

    @Inject
    AuditLog audit;

    @Inject
    WorkspaceSecretStore secretStore;

    @Inject
    QuotaService quotas;

    @Inject
    StartSlots startSlots;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor noteWriters;

    @Inject
    KalpanaCallbackUrl callbackUrl;

    @Inject
    ImageCatalog images;

    @Inject
    KalpanaMetrics metrics;

    /** A started workspace; the secrets are there only when this call started its container. */
    public record Started(Workspace workspace, Optional<WorkspaceSecrets> secrets) {
    }

    /** What a reconciliation changed. */
    public record Reconciliation(int containersRemoved, int workspacesStopped, int leaseHoldersReleased) {
    }

    /**
     * Starts a STOPPED or ERROR workspace and returns once its IDE answers. Starting a RUNNING one changes
     * nothing. Any failure leaves it in ERROR with a reason, no container and no leased ports.
     */
    public Started start(Caller caller, WorkspaceId id) {
        return start(caller, workspaces.get(caller, id));
    }

    /**
     * Claims the start now, so every refusal (busy, gone, not allowed) reaches the caller, and does the rest on
     * {@code executor}; the status and its reason tell how it goes. Returns the workspace as it is now.
     */
    public Workspace startInBackground(Caller caller, WorkspaceId id, Executor executor) {
        return startInBackground(caller, workspaces.get(caller, id), executor);
    }

    /**
     * Creates a workspace and starts it in the same call, returning once its IDE answers: a person who creates a
     * workspace wants to code in it. If the start is refused or fails, the workspace stays created and
     * {@link CreatedButNotStarted} says why it does not run.
     */
    public Started createAndStart(Caller caller, NewWorkspace request) {
        return createThen(caller, request, created -> start(caller, created));
    }

    /** {@link #createAndStart}, with the start going on in the background as in {@link #startInBackground}. */
    public Workspace createAndStartInBackground(Caller caller, NewWorkspace request, Executor executor) {
        return createThen(caller, request, created -> startInBackground(caller, created, executor));
    }

    private <T> T createThen(Caller caller, NewWorkspace request, Function<Workspace, T> start) {
        Workspace created = workspaces.create(caller, request);
        try {
            return start.apply(created);
        } catch (RuntimeException e) {
            throw notStarted(created, e);
        }
    }

    private Started start(Caller caller, Workspace workspace) {
        WorkspaceId id = workspace.id();
        if (!claimStart(caller, workspace)) {
            return new Started(workspaces.get(caller, id), Optional.empty());
        }
        WorkspaceSecrets secrets = launch(workspace);
        return new Started(workspaces.get(caller, id), Optional.of(secrets));
    }

    private Workspace startInBackground(Caller caller, Workspace workspace, Executor executor) {
        WorkspaceId id = workspace.id();
        if (claimStart(caller, workspace)) {
            executor.execute(() -> {
                try {
                    launch(workspace);
                } catch (RuntimeException e) {
                    // The failure is in the workspace's status and reason, where the person waiting looks.
                    LOG.info(() -> "workspace=" + id + " background start failed: " + e.getMessage());
                }
            });
        }
        return workspaces.get(caller, id);
    }

    private static CreatedButNotStarted notStarted(Workspace created, RuntimeException failure) {
        KalpanaException problem = failure instanceof KalpanaException known ? known
                : KalpanaException.unavailable("workspace_start_failed", "an unexpected error ("
                + failure.getClass().getSimpleName() + "); start it again", failure);
        LOG.info(() -> "workspace=" + created.id() + " created but not started: " + problem.getMessage());
        return new CreatedButNotStarted(created, problem);
    }

    /** False when the workspace already runs; throws when it cannot start now. */
    private boolean claimStart(Caller caller, Workspace workspace) {
        long began = System.nanoTime();
        WorkspaceId id = workspace.id();
        if (!quotas.admitStart(workspace.owner(), id, () -> states.beginStart(id))) {
            WorkspaceStatus now = currentStatus(id);
            if (now == WorkspaceStatus.RUNNING) {
                return false;
            }
            throw busy(workspace, now);
        }
        audit.record(caller.username(), "workspace.start", "workspace:" + id, "name=" + workspace.name());
        long claimed = System.nanoTime();
        LOG.info(() -> "workspace=" + id + " starting for " + caller.username() + " (claimed in "
                + (claimed - began) / 1_000_000 + " ms)");
        return true;
    }

    /** Stops a RUNNING, STARTING or ERROR workspace: its container goes, its volume and files stay. */
    public Workspace stop(Caller caller, WorkspaceId id) {
        Workspace workspace = workspaces.get(caller, id);
        Optional<WorkspaceStatus> from = states.beginStop(id);
        if (from.isEmpty()) {
            WorkspaceStatus now = currentStatus(id);
            if (now == WorkspaceStatus.STOPPED) {
                return workspace;
            }
            throw busy(workspace, now);
        }
        audit.record(caller.username(), "workspace.stop", "workspace:" + id, "name=" + workspace.name());
        removeClaimed(id, null);
        LOG.info(() -> "workspace=" + id + " stopped by " + caller.username() + " (was " + from.get() + ")");
        return workspaces.get(caller, id);
    }

    /** Why the reaper stops a workspace; the claim decides whether a last-moment sign of use still saves it. */
    public enum SystemStop {
        /** Idle: stopped only if no activity newer than the one the reaper saw arrived meanwhile. */
        IDLE,
        /** Its maximum lifetime is reached: stopped while RUNNING, in use or not. */
        LIFETIME
    }

    /**
     * Stops a RUNNING workspace on the reaper's behalf, audited as done by "system", with {@code reason} kept as
     * its status reason. False when another stop (a person, another instance) or new activity came first: the
     * status swap lets exactly one of them act.
     */
    public boolean stopBySystem(WorkspaceId id, SystemStop why, long seenActivityMillis, String reason) {
        boolean claimed = why == SystemStop.IDLE ? states.beginIdleStop(id, seenActivityMillis) : states.beginRunningStop(id);
        if (!claimed) {
            return false;
        }
        audit.record(null, "workspace.stop", "workspace:" + id, "reason=" + reason);
        removeClaimed(id, reason);
        LOG.info(() -> "workspace=" + id + " stopped by the reaper: " + reason);
        return true;
    }

    /**
     * Removes the container and port leases a workspace in ERROR may have kept (a failed stop leaves them so as not
     * to lose track of a running container). It becomes STOPPED, its earlier failure kept in the reason.
     */
    public boolean cleanUpAfterError(WorkspaceId id, String earlierReason) {
        if (!states.beginErrorCleanup(id)) {
            return false;
        }
        String reason = "Cleaned up after an error" + (earlierReason == null ? "" : " (" + earlierReason + ")")
                + "; start it again when you need it";
        audit.record(null, "workspace.cleanup", "workspace:" + id, "reason=" + reason);
        removeClaimed(id, reason);
        LOG.info(() -> "workspace=" + id + " leftovers of an ERROR removed by the reaper");
        return true;
    }

    /** Ids of workspaces that have a container (running or not) or leased ports, whatever their status. */
    public Set<WorkspaceId> holdingResources() {
        Set<WorkspaceId> holders = new HashSet<>();
        runtime.listManaged().forEach(container -> container.workspace().ifPresent(holders::add));
        ports.leases().forEach(lease -> holders.add(new WorkspaceId(lease.workspaceId())));
        return holders;
    }

    /** The container, secrets and ports of a workspace whose stop this caller claimed (it is STOPPING). */
    private void removeClaimed(WorkspaceId id, String reason) {
        try {
            runtime.remove(id);
        } catch (KalpanaException e) {
            // The container may still run and hold its ports: keep the leases, say why in the status.
            states.markError(id, Set.of(WorkspaceStatus.STOPPING), "The workspace could not be stopped: " + e.getMessage());
            throw e;
        }
        secretStore.forget(id);
        ports.release(id.value());
        states.markStopped(id, Set.of(WorkspaceStatus.STOPPING), reason);
    }

    /**
     * Removes a STOPPED or ERROR workspace's container and volume, for {@link WorkspaceService#delete} to call
     * after its access check and before it removes the record and leases. The status is claimed first so
     * that a start racing the delete cannot create a new container on the volume being removed.
     */
    public void deleteResources(WorkspaceId id) {
        Optional<WorkspaceStatus> from = states.beginDelete(id);
        if (from.isEmpty()) {
            WorkspaceStatus now = currentStatus(id);
            throw KalpanaException.conflict("workspace_busy",
                    "Workspace " + id + " is " + now + "; stop it before deleting it");
        }
        removeForDelete(id);
    }

    /** Workspaces whose delete was claimed but never finished: Kalpana went down in the middle of it. */
    public Set<WorkspaceId> unfinishedDeletes() {
        return states.unfinishedDeletes();
    }

    /**
     * Removes the container and volume of a workspace whose delete was claimed earlier and cut short, for
     * {@link WorkspaceService#finishUnfinishedDeletes} to call before it removes the record and leases.
     */
    public void resumeDelete(WorkspaceId id) {
        if (!unfinishedDeletes().contains(id)) {
            throw KalpanaException.conflict("workspace_busy", "Workspace " + id + " has no unfinished delete");
        }
        removeForDelete(id);
    }

    private void removeForDelete(WorkspaceId id) {
        try {
            secretStore.forget(id);
            runtime.deleteVolume(id);
        } catch (KalpanaException e) {
            states.markError(id, Set.of(WorkspaceStatus.STOPPING), "The workspace could not be deleted: " + e.getMessage());
            throw e;
        }
        LOG.info(() -> "workspace=" + id + " container and volume removed for deletion");
    }

    /** The secrets of a running workspace's container, for opening its IDE or reaching its bridge. */
    public Optional<WorkspaceSecrets> secretsOf(Caller caller, WorkspaceId id) {
        workspaces.get(caller, id);
        return states.statusOf(id).filter(WorkspaceStatus.RUNNING::equals).flatMap(running -> secretStore.of(id));
    }

    /**
     * Brings Docker and the database back in line after Kalpana was down: containers of workspaces that
     * are not meant to run go, workspaces whose container is gone (or whose stop was cut short) become
     * STOPPED, and only workspaces that still run keep port leases. A delete cut short stays claimed, for
     * {@link WorkspaceService#finishUnfinishedDeletes} to finish.
     */
    public Reconciliation reconcile() {
        // Only RUNNING workspaces keep their container: a start that was in flight when Kalpana went down has
        // nobody left to finish it, so its container goes and the workspace becomes STOPPED like the others.
        Set<WorkspaceId> active = states.withStatus(Set.of(WorkspaceStatus.RUNNING));
        Set<WorkspaceId> unfinished = states.withStatus(Set.of(WorkspaceStatus.STARTING));
        Set<WorkspaceId> running = new HashSet<>();
        int removed = 0;
        for (ManagedContainer container : runtime.listManaged()) {
            Optional<WorkspaceId> owner = container.workspace();
            if (owner.isPresent() && active.contains(owner.get()) && container.running()) {
                running.add(owner.get());
                continue;
            }
            runtime.removeContainer(container.containerId());
            removed++;
            LOG.info(() -> "workspace=" + owner.map(WorkspaceId::value).orElse("?") + " reconcile removed container "
                    + container.name() + (container.running() ? " (running, not wanted)" : " (exited)"));
        }
        int stopped = 0;
        for (WorkspaceId id : unfinished) {
            if (states.markStopped(id, Set.of(WorkspaceStatus.STARTING), STARTING_AT_STARTUP)) {
                stopped++;
                LOG.info(() -> "workspace=" + id + " reconcile: " + STARTING_AT_STARTUP + ", now STOPPED");
            }
        }
        for (WorkspaceId id : active) {
            if (!running.contains(id)
                    && states.markStopped(id, Set.of(WorkspaceStatus.RUNNING, WorkspaceStatus.STARTING), GONE_AT_STARTUP)) {
                stopped++;
                LOG.info(() -> "workspace=" + id + " reconcile: " + GONE_AT_STARTUP + ", now STOPPED");
            }
        }
        Set<WorkspaceId> deleting = states.unfinishedDeletes();
        for (WorkspaceId id : states.withStatus(Set.of(WorkspaceStatus.STOPPING))) {
            if (deleting.contains(id)) {
                // Its owner asked for it to go: WorkspaceService#finishUnfinishedDeletes completes the delete.
                continue;
            }
            // A stop that Kalpana did not finish; its container went with the orphans above.
            if (states.markStopped(id, Set.of(WorkspaceStatus.STOPPING), INTERRUPTED_AT_STARTUP)) {
                stopped++;
                LOG.info(() -> "workspace=" + id + " reconcile: " + INTERRUPTED_AT_STARTUP + ", now STOPPED");
            }
        }
        int released = ports.releaseAllExcept(running.stream().map(WorkspaceId::value).collect(Collectors.toSet()));
        Reconciliation result = new Reconciliation(removed, stopped, released);
        LOG.info(() -> "workspace=* reconcile done: " + result);
        return result;
    }

    private WorkspaceSecrets launch(Workspace workspace) {
        WorkspaceId id = workspace.id();
        try {
            StartProgress progress = new StartProgress(workspace);
            if (startSlots.full()) {
                progress.step(StartStep.WAITING_FOR_TURN);
            }
            long began = System.nanoTime();
            try (StartSlots.Turn turn = startSlots.await()) {
                long turnAt = System.nanoTime();
                if (turn.waited() && states.statusOf(id).filter(WorkspaceStatus.STARTING::equals).isEmpty()) {
                    // Stopped or deleted while it waited for its turn: nothing to start, nothing to undo.
                    throw overtaken(workspace);
                }
                StartedContainer started = startOnFreePorts(workspace, progress);
                PortPair leased = started.ports();
                String note = progress.provisioningProblem;
                long readyAt = System.nanoTime();
                if (!states.markRunning(id, started.containerId(), leased, note)) {
                    throw overtaken(workspace);
                }
                long recorded = System.nanoTime();
                metrics.startSucceeded(Duration.ofNanos(readyAt - began));
                LOG.info(() -> "workspace=" + id + " RUNNING on ide=" + leased.ide() + " bridge=" + leased.bridge()
                        + " (waited for its turn " + (turnAt - began) / 1_000_000 + " ms, ports and container "
                        + (readyAt - turnAt) / 1_000_000 + " ms, recorded in " + (recorded - readyAt) / 1_000_000 + " ms)");
                return started.secrets();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(id, KalpanaException.unavailable("workspace_start_interrupted",
                    "Kalpana is shutting down, so the workspace was not started; start it again in a moment.", e));
        } catch (RuntimeException e) {
            throw failed(id, e);
        }
    }

    /**
     * Leases ports and starts the container on them. The kernel hands out ports of the same range to outgoing
     * connections, so a port free when it was leased can be taken before Docker binds it: then other ports are
     * leased and the start goes on, instead of failing for something the person cannot fix.
     */
    private StartedContainer startOnFreePorts(Workspace workspace, StartProgress progress) {
        WorkspaceId id = workspace.id();
        FirstFiles firstFiles = firstFiles(workspace);
        ImageReference image = images.forWorkspace(workspace).reference();
        for (int attempt = 1; ; attempt++) {
            progress.step(StartStep.LEASING_PORTS);
            PortPair leased = ports.allocate(id.value(), workspace.owner().value());
            try {
                return runtime.start(new WorkspaceLaunch(id, workspace.owner(), leased, callbackUrl.url(), firstFiles,
                        Optional.of(image)), progress);
            } catch (KalpanaException e) {
                if (!WorkspaceRuntime.HOST_PORT_BUSY.equals(e.code()) || attempt == PORT_ATTEMPTS) {
                    throw e;
                }
                int tried = attempt;
                LOG.info(() -> "workspace=" + id + " ports ide=" + leased.ide() + " bridge=" + leased.bridge()
                        + " were taken by another program before Docker bound them (attempt " + tried + "); leasing others");
                ports.release(id.value());
            }
        }
    }

    /**
     * A first start cut short (Kalpana or the engine went away) may have left a new volume that was never filled, so a
     * workspace that never ran is filled however old its volume is; the files are the template's and shell.nix, which
     * nobody can have changed yet.
     */
    private FirstFiles firstFiles(Workspace workspace) {
        return new FirstFiles(provisioner.firstFiles(workspace.template(), workspace.repoUrl(), workspace.nixConfig()),
                workspace.startedAt().isEmpty());
    }

    /**
     * Shows each step of a start in the workspace's status reason (the dashboard streams it), and provisions a
     * new volume while the IDE boots.
     */
    private final class StartProgress implements StartListener {

        private final Workspace workspace;
        private final StartNotes notes;
        private volatile String provisioningProblem;

        StartProgress(Workspace workspace) {
            this.workspace = workspace;
            this.notes = new StartNotes(workspace.id(), noteWriters,
                    note -> states.noteReason(workspace.id(), WorkspaceStatus.STARTING, note));
        }

        @Override
        public void step(StartStep step) {
            notes.note(step.description());
        }

        @Override
        public void whileBooting(boolean filling, WorkspaceSecrets secrets) {
            // Kept while the IDE boots rather than after: off the start's path, and in place before anyone can see the
            // workspace RUNNING and open its IDE.
            secretStore.remember(workspace.id(), secrets);
            if (filling && workspace.repoUrl().isPresent()) {
                step(StartStep.PREPARING_FILES);
                provisioningProblem = provisioner.provision(workspace.id(), workspace.owner(), workspace.repoUrl(),
                        workspace.nixConfig()).problem().orElse(null);
            }
        }
    }

    /** A stop or delete claimed the workspace while it was starting: that request wins, this start undoes itself. */
    private KalpanaException overtaken(Workspace workspace) {
        WorkspaceId id = workspace.id();
        LOG.info(() -> "workspace=" + id + " was stopped or deleted while starting; removing its container");
        return new KalpanaException(ProblemKind.CONFLICT, "workspace_stopped_while_starting",
                "Workspace '" + workspace.name() + "' was stopped while it was starting");
    }

    private KalpanaException failed(WorkspaceId id, RuntimeException failure) {
        KalpanaException problem = failure instanceof KalpanaException known ? known
                : new KalpanaException(ProblemKind.UNAVAILABLE, "workspace_start_failed",
                "The workspace could not be started because of an unexpected error ("
                        + failure.getClass().getSimpleName() + "); try again.", failure);
        if (!(failure instanceof KalpanaException)) {
            LOG.log(Level.SEVERE, "workspace=" + id + " start failed unexpectedly", failure);
        }
        try {
            runtime.remove(id);
        } catch (RuntimeException cleanup) {
            LOG.log(Level.WARNING, "workspace=" + id + " container could not be removed after a failed start", cleanup);
        }
        try {
            ports.release(id.value());
        } catch (RuntimeException cleanup) {
            LOG.log(Level.WARNING, "workspace=" + id + " ports could not be released after a failed start", cleanup);
        }
        try {
            secretStore.forget(id);
        } catch (RuntimeException cleanup) {
            // Harmless if it stays: secrets are only handed out while the workspace is RUNNING.
            LOG.log(Level.WARNING, "workspace=" + id + " secrets could not be forgotten after a failed start", cleanup);
        }
        if (!"workspace_stopped_while_starting".equals(problem.code())) {
            states.markError(id, Set.of(WorkspaceStatus.STARTING), problem.getMessage());
        } else if (states.statusOf(id).isEmpty()) {
            // Deleted while starting: the volume this start may have created has no owner any more.
            try {
                runtime.deleteVolume(id);
            } catch (RuntimeException cleanup) {
                LOG.log(Level.WARNING, "workspace=" + id + " volume of a deleted workspace could not be removed", cleanup);
            }
        }
        metrics.startFailed(problem.code());
        LOG.warning(() -> "workspace=" + id + " start failed: " + problem.code() + ": " + problem.getMessage());
        return problem;
    }

    private WorkspaceStatus currentStatus(WorkspaceId id) {
        return states.statusOf(id).orElseThrow(() ->
                KalpanaException.notFound("workspace_not_found", "There is no workspace '" + id + "'"));
    }

    private static KalpanaException busy(Workspace workspace, WorkspaceStatus now) {
        return KalpanaException.conflict("workspace_busy", "Workspace '" + workspace.name() + "' is " + now
                + " right now; wait until that is done and try again");
    }
}
