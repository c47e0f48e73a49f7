package io.kalpana.bridge.server.files;

import io.kalpana.bridge.protocol.DeleteRequest;
import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.PathResult;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.security.WorkspaceRoot;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes files, links (not their targets) and, when asked to, whole directory trees. */
public final class DeleteOperation {

    private final WorkspaceRoot root;

    public DeleteOperation(WorkspaceRoot root) {
        this.root = root;
    }

    public PathResult delete(DeleteRequest request) {
        Path entry = root.resolveEntry(request.path());
        String relative = root.relative(entry);
        if (root.isRoot(entry)) {
            throw new OperationFailedException(ErrorCode.BAD_REQUEST, "refusing to delete the workspace root");
        }
        try {
            if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                throw FileErrors.notFound(relative);
            }
            if (request.recursive() && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(entry);
            } else {
                Files.delete(entry);
            }
            return new PathResult(relative);
        } catch (IOException e) {
            throw FileErrors.translate(relative, e);
        }
    }

    /** walkFileTree does not follow links, so a link inside the tree is removed, never its target. */
    private static void deleteTree(Path directory) throws IOException {
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
