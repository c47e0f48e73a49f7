package io.kalpana.workspace;

/** Where a workspace is in its life: STOPPED → STARTING → RUNNING → STOPPING → STOPPED, or ERROR. */
public enum WorkspaceStatus {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING,
    ERROR
}
