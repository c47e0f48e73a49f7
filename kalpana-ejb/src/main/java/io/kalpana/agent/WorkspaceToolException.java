package io.kalpana.agent;

/** The workspace refused a tool's operation; the message is written for the model, which may try differently. */
public class WorkspaceToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WorkspaceToolException(String message) {
        super(message);
    }

    public WorkspaceToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
