package io.kalpana.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/** Secrets Kalpana keeps in its data directory (keys, the first admin password): readable by its own user only. */
public final class OwnerOnlyFile {

    private static final Logger LOG = Logger.getLogger(OwnerOnlyFile.class.getName());

    private OwnerOnlyFile() {
    }

    /** Written to a temporary file first so a crash never leaves half a secret behind. */
    public static void write(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warning(() -> "Cannot restrict permissions of " + file + " on this file system");
        }
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
