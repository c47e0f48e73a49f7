package io.kalpana.runtime;

import java.nio.charset.StandardCharsets;

/** A file to place in a workspace, at a path relative to {@code /workspace}. */
public record WorkspaceFile(String path, byte[] content) {

    public WorkspaceFile {
        if (path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("A workspace file path is relative and stays inside /workspace: " + path);
        }
        content = content.clone();
    }

    public static WorkspaceFile text(String path, String text) {
        return new WorkspaceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
