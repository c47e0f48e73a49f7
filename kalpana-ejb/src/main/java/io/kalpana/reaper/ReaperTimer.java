package io.kalpana.reaper;

import io.kalpana.audit.AuditLog;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.settings.SettingsService;
import io.kalpana.store.MongoConnection;
import io.kalpana.workspace.WorkspaceStates;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the reaper's sweep on an EJB timer. A programmatic interval timer rather than {@code @Schedule}, because
 * the interval comes from {@code kalpana.reaper.sweep-interval} (annotation values are compile-time constants) and
 * tests sweep every few seconds. Non-persistent: a missed sweep needs no catch-up (the next one sees the same
 * idleness) and Payara Micro has no timer store; every instance has its own timer and the sweep lease in the
 * database lets one of them sweep at a time. No transaction: a sweep takes long and touches Docker, and a
 * failed transactional timeout would be retried at once by the container; failures are logged instead, and the
 * next tick simply runs.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReaperTimer {

    private static final Logger LOG = Logger.getLogger(ReaperTimer.class.getName());
    private static final Duration SHORTEST_LEASE = Duration.ofMinutes(2);

    @Resource
    TimerService timers;

    @Inject
    KalpanaConfig config;

    @Inject
    MongoConnection mongo;

    @Inject
    SettingsService settings;

    @Inject
    WorkspaceStates states;

    @Inject
    LifecycleReaperActions actions;

    @Inject
    ActivityRecorder activity;

    @Inject
    AuditLog audit;

    private final AtomicBoolean sweeping = new AtomicBoolean();
    private SweepRunner runner;

    @PostConstruct
    void schedule() {
        Duration interval = config.reaperSweepInterval();
        Duration leaseTtl = interval.multipliedBy(3).compareTo(SHORTEST_LEASE) > 0 ? interval.multipliedBy(3) : SHORTEST_LEASE;
        String instance = "kalpana-" + UUID.randomUUID();
        runner = new SweepRunner(mongo::database, instance, leaseTtl, settings::current, states, actions, audit,
                Clock.systemUTC());
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("kalpana-reaper", false));
        LOG.info(() -> "workspace=* reaper sweeps every " + interval + " as " + instance);
    }

    @Timeout
    void tick() {
        if (!sweeping.compareAndSet(false, true)) {
            LOG.info("workspace=* reaper tick skipped: the previous sweep of this instance is still running");
            return;
        }
        try {
            activity.flush();
            runner.sweepOnce();
        } catch (Throwable e) {
            // Never let it escape: the timer must fire again, and the next sweep retries what failed.
            LOG.log(Level.SEVERE, "workspace=* reaper sweep failed: " + e.getMessage() + "; next sweep runs as planned", e);
        } finally {
            sweeping.set(false);
        }
    }
}
