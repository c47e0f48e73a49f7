package io.kalpana.capacity;

import io.kalpana.port.PortPurpose;

import java.time.Instant;
import java.util.Optional;

/** One line of the port map: a leased port, the workspace holding it (by name, when it still exists) and its owner. */
public record PortHolder(int port, PortPurpose purpose, String workspaceId, Optional<String> workspaceName, String owner,
                         Instant leasedAt) {
}
