package io.kalpana.bridge.server.activity;

import io.kalpana.bridge.protocol.ActivityResult;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Last-activity clock; a running command keeps the workspace busy even when it prints nothing. */
public final class ActivityTracker {

    private final Clock clock;
    private final AtomicLong lastActivity;
    private final AtomicInteger running = new AtomicInteger();

    public ActivityTracker(Clock clock) {
        this.clock = clock;
        this.lastActivity = new AtomicLong(clock.millis());
    }

    public void touch() {
        lastActivity.accumulateAndGet(clock.millis(), Math::max);
    }

    public void commandStarted() {
        running.incrementAndGet();
        touch();
    }

    public void commandFinished() {
        running.decrementAndGet();
        touch();
    }

    public ActivityResult snapshot() {
        int commands = running.get();
        long last = commands > 0 ? clock.millis() : lastActivity.get();
        return new ActivityResult(last, commands);
    }
}
