package io.kalpana.runtime;

import io.kalpana.workspace.WorkspaceId;

import java.util.Optional;

/** A container carrying Kalpana's labels. The workspace is empty when its label is missing or malformed. */
public record ManagedContainer(String containerId, String name, Optional<WorkspaceId> workspace, boolean running) {
}
