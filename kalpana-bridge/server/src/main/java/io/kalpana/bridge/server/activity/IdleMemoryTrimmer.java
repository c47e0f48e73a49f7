package io.kalpana.bridge.server.activity;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one full GC once the bridge has been idle for a while. With the serial collector and a low
 * MaxHeapFreeRatio that GC also shrinks the heap, which is how an idle bridge gets back under its RSS
 * budget: without it the heap stays as large as the last burst of work made it.
 */
public final class IdleMemoryTrimmer implements Runnable {

    private static final Logger LOG = Logger.getLogger(IdleMemoryTrimmer.class.getName());

    private final ActivityTracker activity;
    private final Clock clock;
    private final Duration idleAfter;
    private long trimmedForActivity = -1;

    public IdleMemoryTrimmer(ActivityTracker activity, Clock clock, Duration idleAfter) {
        this.activity = activity;
        this.clock = clock;
        this.idleAfter = idleAfter;
    }

    @Override
    public void run() {
        var snapshot = activity.snapshot();
        boolean idle = snapshot.runningCommands() == 0
                && clock.millis() - snapshot.lastActivityMillis() >= idleAfter.toMillis();
        if (idle && snapshot.lastActivityMillis() != trimmedForActivity) {
            trimmedForActivity = snapshot.lastActivityMillis();
            System.gc();
            LOG.log(Level.FINE, "idle: heap trimmed");
        }
    }
}
