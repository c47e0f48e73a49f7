package io.kalpana.bridge.server.files;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.MoveRequest;
import io.kalpana.bridge.protocol.PathResult;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.security.WorkspaceRoot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Moves or renames an entry inside the workspace; both ends are confined. */
public final class MoveOperation {

    private final WorkspaceRoot root;

    public MoveOperation(WorkspaceRoot root) {
        this.root = root;
    }

    public PathResult move(MoveRequest request) {
        Path source = root.resolveEntry(request.from());
        Path target = root.resolveEntry(request.to());
        String relativeSource = root.relative(source);
        String relativeTarget = root.relative(target);
        if (root.isRoot(source) || root.isRoot(target)) {
            throw new OperationFailedException(ErrorCode.BAD_REQUEST, "refusing to move the workspace root");
        }
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw FileErrors.notFound(relativeSource);
        }
        if (target.startsWith(source) && !target.equals(source)) {
            throw new OperationFailedException(ErrorCode.BAD_REQUEST, "cannot move '" + relativeSource
                    + "' into itself");
        }
        if (!request.overwrite() && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OperationFailedException(ErrorCode.ALREADY_EXISTS, "'" + relativeTarget
                    + "' already exists; set overwrite to replace it");
        }
        try {
            Files.createDirectories(target.getParent());
            if (request.overwrite()) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(source, target);
            }
            return new PathResult(relativeTarget);
        } catch (IOException e) {
            throw FileErrors.translate(relativeSource, e);
        }
    }
}
