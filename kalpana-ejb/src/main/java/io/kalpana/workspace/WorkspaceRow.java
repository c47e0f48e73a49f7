package io.kalpana.workspace;

import io.kalpana.identity.Username;

import java.time.Instant;
import java.util.Optional;

/** One line of the all-workspaces table: what an administrator needs to see, read straight from the document. */
public record WorkspaceRow(WorkspaceId id, String name, Username owner, WorkspaceStatus status,
                           Optional<String> statusReason, String template, String image, Optional<Integer> idePort,
                           Optional<Integer> bridgePort, Instant createdAt, Instant updatedAt) {

    public boolean stoppable() {
        return status == WorkspaceStatus.RUNNING || status == WorkspaceStatus.STARTING || status == WorkspaceStatus.ERROR;
    }
}
