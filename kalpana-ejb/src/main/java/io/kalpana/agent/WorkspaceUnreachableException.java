package io.kalpana.agent;

/** The workspace (its bridge) cannot be reached; no tool can work, so the turn ends. */
public class WorkspaceUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WorkspaceUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
