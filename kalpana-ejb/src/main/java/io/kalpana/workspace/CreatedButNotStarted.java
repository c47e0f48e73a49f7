package io.kalpana.workspace;

import io.kalpana.problem.KalpanaException;

/**
 * A workspace asked to start as it was created was created, but its start was refused or failed. The workspace is
 * there (stopped, or in ERROR with the reason), so the caller learns both: it exists, and why it does not run.
 */
public class CreatedButNotStarted extends KalpanaException {

    private static final long serialVersionUID = 1L;

    private final transient Workspace workspace;

    public CreatedButNotStarted(Workspace workspace, KalpanaException startFailure) {
        super(startFailure.kind(), startFailure.code(), "Workspace '" + workspace.name() + "' was created but not started: "
                + startFailure.getMessage(), startFailure);
        this.workspace = workspace;
    }

    /** The workspace as it was created. */
    public Workspace workspace() {
        return workspace;
    }
}
