package io.kalpana.reaper;

import java.time.Instant;

/**
 * What the reaper does to one workspace in one sweep.
 *
 * @param due when the announced stop or deletion happens (for warnings), or now
 */
record ReaperDecision(Action action, Instant due) {

    enum Action {
        NONE, WARN_IDLE, STOP_IDLE, WARN_LIFETIME, STOP_LIFETIME, WARN_DELETION, DELETE
    }

    static ReaperDecision none(Instant now) {
        return new ReaperDecision(Action.NONE, now);
    }

    boolean aboutIdleness() {
        return action == Action.WARN_IDLE || action == Action.STOP_IDLE;
    }
}
