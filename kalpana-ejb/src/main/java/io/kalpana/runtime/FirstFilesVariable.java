package io.kalpana.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * First files as one environment variable of the container, which the image's entrypoint unpacks into
 * {@code /workspace} before code-server starts. Docker's archive API costs 100-200 ms per call (the engine mounts the
 * container's file system for it) and, once the container runs, competes with the IDE's boot; a variable costs nothing.
 */
final class FirstFilesVariable {

    static final String NAME = "KALPANA_FIRST_FILES";

    /**
     * Linux refuses to start a process with an environment string over 128 KiB (MAX_ARG_STRLEN); what does not fit
     * in this much goes through the archive API instead.
     */
    static final int MAX_VALUE_CHARS = 96 * 1024;

    private FirstFilesVariable() {
    }

    /** {@code NAME=value} (a gzipped tar in base64), or empty when there are no files or they are too large. */
    static Optional<String> of(List<WorkspaceFile> files) {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        String value = Base64.getEncoder().encodeToString(gzip(WorkspaceTar.of(files)));
        return value.length() <= MAX_VALUE_CHARS ? Optional.of(NAME + "=" + value) : Optional.empty();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack workspace files", e);
        }
        return out.toByteArray();
    }
}
