package io.kalpana.runtime;

import java.util.Optional;

/** What the engine says about a workspace's container: absent, running, or ended and why. */
public record ContainerState(boolean present, boolean running, String containerId, String exitReason) {

    public static ContainerState absent() {
        return new ContainerState(false, false, null, "no container");
    }

    public Optional<String> exitReasonIfEnded() {
        return present && running ? Optional.empty() : Optional.ofNullable(exitReason);
    }
}
