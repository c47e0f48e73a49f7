package io.kalpana.runtime;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Packs files as the tar stream Docker's archive API expects. Every entry, the parent directories
 * included, belongs to uid/gid 1000 so the workspace user can edit what Kalpana put there.
 */
final class WorkspaceTar {

    private static final int WORKSPACE_UID = 1000;

    private WorkspaceTar() {
    }

    static byte[] of(List<WorkspaceFile> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            Set<String> directories = new LinkedHashSet<>();
            for (WorkspaceFile file : files) {
                String path = file.path();
                for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    directories.add(path.substring(0, slash + 1));
                }
            }
            for (String directory : directories) {
                TarArchiveEntry entry = new TarArchiveEntry(directory);
                entry.setMode(040755);
                own(entry);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            for (WorkspaceFile file : files) {
                byte[] content = file.content();
                TarArchiveEntry entry = new TarArchiveEntry(file.path());
                entry.setMode(0100644);
                entry.setSize(content.length);
                own(entry);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack workspace files", e);
        }
        return bytes.toByteArray();
    }

    private static void own(TarArchiveEntry entry) {
        entry.setUserId(WORKSPACE_UID);
        entry.setGroupId(WORKSPACE_UID);
    }
}
