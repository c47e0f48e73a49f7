package io.kalpana.bridge.protocol;

/**
 * A path as the client names it: relative to the workspace root (preferred) or absolute inside it.
 * The server decides whether it is allowed; this type only guarantees it is a non-null string.
 */
public record WorkspacePath(String value) {

    public static final WorkspacePath ROOT = new WorkspacePath(".");

    public WorkspacePath {
        if (value == null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "path must be a string");
        }
        if (value.indexOf('\0') >= 0) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "path must not contain NUL characters");
        }
        if (value.isEmpty()) {
            value = ".";
        }
    }

    public static WorkspacePath of(String value) {
        return new WorkspacePath(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
