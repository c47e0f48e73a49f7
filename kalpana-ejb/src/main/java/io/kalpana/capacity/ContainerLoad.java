package io.kalpana.capacity;

import io.kalpana.runtime.ContainerUsage;
import io.kalpana.workspace.WorkspaceRow;

/** A running workspace with what its container uses right now. */
public record ContainerLoad(WorkspaceRow workspace, ContainerUsage usage) {
}
