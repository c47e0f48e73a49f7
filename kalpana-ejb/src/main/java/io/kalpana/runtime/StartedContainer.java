package io.kalpana.runtime;

import io.kalpana.port.PortPair;

import java.time.Duration;

/**
 * A container that answers on its IDE port. The secrets exist only here and in the container's
 * environment; {@code volumeCreated} tells the caller this was the workspace's very first start.
 */
public record StartedContainer(String containerId, PortPair ports, WorkspaceSecrets secrets, boolean volumeCreated,
                               Duration readyAfter) {
}
