package io.kalpana.bridge.server.files;

import io.kalpana.bridge.protocol.StatRequest;
import io.kalpana.bridge.protocol.StatResult;
import io.kalpana.bridge.server.security.WorkspaceRoot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** Metadata of a path, with the type of the entry itself (a symlink is reported as symlink). */
public final class StatOperation {

    private final WorkspaceRoot root;

    public StatOperation(WorkspaceRoot root) {
        this.root = root;
    }

    public StatResult stat(StatRequest request) {
        Path entry = root.resolveEntry(request.path());
        String relative = root.relative(entry);
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new StatResult(relative, true, EntryTypes.of(attributes), attributes.size(),
                    attributes.lastModifiedTime().toMillis(), permissions(entry));
        } catch (NoSuchFileException e) {
            return StatResult.missing(relative);
        } catch (IOException e) {
            throw FileErrors.translate(relative, e);
        }
    }

    private static String permissions(Path entry) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(entry, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
