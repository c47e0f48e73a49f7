package io.kalpana.web.ide;

import io.kalpana.workspace.WorkspaceId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Lets one activity signal per workspace through per interval: an open VS Code makes many requests a second,
 * and the reaper only needs to know that someone is there.
 */
public final class ActivityThrottle {

    private final Duration interval;
    private final Clock clock;
    private final ConcurrentMap<WorkspaceId, Instant> lastPassed = new ConcurrentHashMap<>();

    public ActivityThrottle(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** Whether a signal for {@code workspace} is due now; if so, the next one is due an interval later. */
    public boolean due(WorkspaceId workspace) {
        Instant now = clock.instant();
        boolean[] due = {false};
        lastPassed.compute(workspace, (id, last) -> {
            if (last == null || !now.isBefore(last.plus(interval))) {
                due[0] = true;
                return now;
            }
            return last;
        });
        return due[0];
    }
}
