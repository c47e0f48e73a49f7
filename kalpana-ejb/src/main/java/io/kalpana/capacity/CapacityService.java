package io.kalpana.capacity;

import io.kalpana.config.KalpanaConfig;
import io.kalpana.port.PortAllocator;
import io.kalpana.port.PortLease;
import io.kalpana.problem.KalpanaException;
import io.kalpana.runtime.ContainerUsage;
import io.kalpana.runtime.EngineInfo;
import io.kalpana.runtime.MemoryLimit;
import io.kalpana.runtime.WorkspaceRuntime;
import io.kalpana.workspace.WorkspaceDirectory;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceRow;
import io.kalpana.workspace.WorkspaceStates;
import io.kalpana.workspace.WorkspaceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the capacity picture together. Asking Docker for every container's stats takes about a second (the
 * engine samples CPU twice), so that part is measured for all containers in parallel, bounded by
 * {@link #STATS_TIMEOUT}, and kept for {@link #FRESH_FOR}: an admin reloading the console, or several admins,
 * cost Docker one round per period.
 */
@ApplicationScoped
public class CapacityService {

    private static final Logger LOG = Logger.getLogger(CapacityService.class.getName());
    static final Duration STATS_TIMEOUT = Duration.ofSeconds(3);
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    @Inject
    PortAllocator ports;

    @Inject
    WorkspaceDirectory directory;

    @Inject
    WorkspaceStates states;

    @Inject
    WorkspaceRuntime runtime;

    @Inject
    KalpanaConfig config;

    private final Clock clock = Clock.systemUTC();
    private EngineView cached;

    public CapacityReport report() {
        List<PortLease> leases = ports.leases();
        Map<WorkspaceId, WorkspaceRow> holders = directory.byIds(leases.stream().map(PortLease::workspaceId).distinct().toList());
        List<PortHolder> portMap = leases.stream()
                .sorted(Comparator.comparing(lease -> lease.port().number()))
                .map(lease -> new PortHolder(lease.port().number(), lease.purpose(), lease.workspaceId(),
                        Optional.ofNullable(holders.get(safeId(lease.workspaceId()))).map(WorkspaceRow::name),
                        lease.owner(), lease.leasedAt()))
                .toList();
        Map<WorkspaceStatus, Long> counts = directory.countByStatus();
        EngineView engine = engine();
        Map<WorkspaceId, WorkspaceRow> measured = directory.byIds(engine.usage().keySet().stream().map(WorkspaceId::value).toList());
        List<ContainerLoad> containers = engine.usage().values().stream()
                // The measurement may be seconds old: a workspace stopped since then is no longer listed.
                .filter(usage -> measured.containsKey(usage.workspace())
                        && measured.get(usage.workspace()).status() == WorkspaceStatus.RUNNING)
                .map(usage -> new ContainerLoad(measured.get(usage.workspace()), usage))
                .sorted(Comparator.comparingLong((ContainerLoad load) -> load.usage().memoryBytes()).reversed())
                .toList();
        long limit = MemoryLimit.parse(config.workspaceMemory()).bytes();
        Optional<MemoryFit> fit = engine.engine().map(info -> MemoryFit.of(info.memoryBytes(), limit,
                (int) (long) counts.getOrDefault(WorkspaceStatus.RUNNING, 0L), engine.totalMemoryBytes(), engine.usage().size()));
        return new CapacityReport(ports.capacity(), portMap, counts, engine, containers, fit);
    }

    /** The engine's view, measured now unless the last measurement is younger than {@link #FRESH_FOR}. */
    public synchronized EngineView engine() {
        Instant now = clock.instant();
        if (cached == null || cached.measuredAt().plus(FRESH_FOR).isBefore(now)) {
            cached = measure(now);
        }
        return cached;
    }

    private EngineView measure(Instant now) {
        try {
            EngineInfo info = runtime.engineInfo();
            Set<WorkspaceId> running = states.withStatus(Set.of(WorkspaceStatus.RUNNING));
            Map<WorkspaceId, ContainerUsage> usage = runtime.usage(running, STATS_TIMEOUT);
            int unmeasured = running.size() - usage.size();
            if (unmeasured > 0) {
                LOG.info(() -> "workspace=* " + unmeasured + " of " + running.size()
                        + " running containers gave no stats within " + STATS_TIMEOUT.toMillis() + " ms");
            }
            return new EngineView(Optional.of(info), Optional.empty(), usage, unmeasured, now);
        } catch (KalpanaException e) {
            LOG.log(Level.FINE, "workspace=* Docker did not answer for the capacity view", e);
            return EngineView.unreachable(e.getMessage(), now);
        }
    }

    private static WorkspaceId safeId(String value) {
        try {
            return new WorkspaceId(value);
        } catch (KalpanaException malformed) {
            return null;
        }
    }

    public long runningCount() {
        return directory.countByStatus().getOrDefault(WorkspaceStatus.RUNNING, 0L);
    }
}
