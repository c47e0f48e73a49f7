package io.kalpana.web.ide;

import io.kalpana.workspace.Workspace;

/** The proxy was asked for the IDE of a workspace that is not running; the page says so and links to the dashboard. */
public class WorkspaceNotRunning extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Workspace workspace;

    public WorkspaceNotRunning(Workspace workspace) {
        super("workspace=" + workspace.id() + " is " + workspace.status());
        this.workspace = workspace;
    }

    public Workspace workspace() {
        return workspace;
    }
}
