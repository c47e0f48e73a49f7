package io.kalpana.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * What code-server's {@code /healthz} says about use of the IDE. code-server moves {@code lastHeartbeat} at most
 * once per minute (a request while "alive" does not move it; a timer beats again while connections stay open),
 * so "alive" means used within the last minute, and only an "expired" heart dates the last use exactly.
 *
 * @param alive         code-server's status "alive" (a heartbeat less than a minute ago)
 * @param lastHeartbeat when the heart last beat; empty when the IDE was never used since its container started
 */
public record IdeHeartbeat(boolean alive, Optional<Instant> lastHeartbeat) {

    /** The latest moment the IDE is known to have been in use, as seen at {@code now}. */
    public Optional<Instant> lastUse(Instant now) {
        return alive ? Optional.of(now) : lastHeartbeat;
    }
}
