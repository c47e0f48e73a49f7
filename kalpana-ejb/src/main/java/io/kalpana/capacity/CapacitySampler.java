package io.kalpana.capacity;

import io.kalpana.config.KalpanaConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code kalpana.admin.sample-interval}, stores how many workspaces run and how much memory their
 * containers use, for the console's 24-hour chart. Non-persistent: a sample missed while Kalpana was down is
 * a gap in the chart, not something to catch up on. The first sample is taken shortly after start so that the
 * chart has a point before the first interval has passed. Each instance samples; the chart shows them all.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CapacitySampler {

    private static final Logger LOG = Logger.getLogger(CapacitySampler.class.getName());
    private static final Duration FIRST_AFTER = Duration.ofSeconds(20);

    @Resource
    TimerService timers;

    @Inject
    KalpanaConfig config;

    @Inject
    CapacityService capacity;

    @Inject
    CapacitySamples samples;

    @PostConstruct
    void schedule() {
        Duration interval = config.adminSampleInterval();
        long first = Math.min(FIRST_AFTER.toMillis(), interval.toMillis());
        timers.createIntervalTimer(first, interval.toMillis(), new TimerConfig("capacity-sampler", false));
        LOG.info(() -> "workspace=* capacity sampled every " + interval + ", kept for " + CapacitySamples.KEPT_FOR);
    }

    @Timeout
    void sample(Timer timer) {
        try {
            EngineView engine = capacity.engine();
            int running = engine.engine().isPresent() ? engine.usage().size() + engine.unmeasured()
                    : (int) (long) capacity.runningCount();
            CapacitySample sample = new CapacitySample(Instant.now(Clock.systemUTC()), running,
                    engine.engine().isPresent() ? OptionalLong.of(engine.totalMemoryBytes()) : OptionalLong.empty());
            long pruned = samples.add(sample);
            LOG.fine(() -> "workspace=* capacity sample: running=" + running + " memory=" + sample.memoryBytes()
                    + (pruned > 0 ? ", pruned " + pruned : ""));
        } catch (RuntimeException e) {
            // A failed sample is a gap in the chart; the timer must live on for the next one.
            LOG.log(Level.WARNING, "workspace=* capacity sample failed: " + e.getMessage(), e);
        }
    }
}
