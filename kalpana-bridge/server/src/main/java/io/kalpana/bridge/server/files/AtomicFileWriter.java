package io.kalpana.bridge.server.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file so that readers (code-server, compilers) see either the old or the new content,
 * never a half-written file; keeps the permissions of the replaced file (scripts stay executable).
 */
public final class AtomicFileWriter {

    /** @return true when the file did not exist before */
    public boolean write(Path target, byte[] content) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        boolean created = !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        Path temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".kalpana-tmp");
        try {
            Files.write(temp, content);
            if (!created) {
                copyPermissions(target, temp);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return created;
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(from);
            Files.setPosixFilePermissions(to, permissions);
        } catch (UnsupportedOperationException e) {
            // non-POSIX file system: the default permissions of the temp file are all we can offer
        }
    }
}
