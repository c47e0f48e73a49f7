package io.kalpana.bridge.server.security;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.WorkspacePath;
import io.kalpana.bridge.server.OperationFailedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The directory the bridge may touch. Every client path is resolved to a real path (all symlinks
 * followed) and refused unless it lies inside the root; the check happens on the real path because
 * a lexically clean path can still lead outside through a symlink.
 */
public final class WorkspaceRoot {

    /** Same bound as the kernel's ELOOP limit; protects against symlink cycles. */
    private static final int MAX_LINK_HOPS = 40;

    private final Path configured;
    private final Path real;

    public WorkspaceRoot(Path configured) throws IOException {
        this.configured = configured.toAbsolutePath().normalize();
        this.real = configured.toRealPath();
    }

    public Path path() {
        return real;
    }

    /** A real path inside the root; existing or not (new files resolve through their parent's real path). */
    public Path resolve(WorkspacePath requested) {
        Path candidate;
        try {
            candidate = Path.of(requested.value());
        } catch (InvalidPathException e) {
            throw new OperationFailedException(ErrorCode.BAD_REQUEST, "invalid path '" + requested + "'");
        }
        Path absolute = candidate.isAbsolute() ? rebase(candidate.normalize()) : real.resolve(candidate).normalize();
        if (!absolute.startsWith(real)) {
            throw outside(requested, "it is outside the workspace root");
        }
        Path resolved = realPathOf(absolute, requested, 0);
        if (!resolved.startsWith(real)) {
            throw outside(requested, "a symbolic link leads outside the workspace root");
        }
        return resolved;
    }

    /**
     * Like {@link #resolve} but does not follow a symlink in the last component: delete and move act on
     * the link itself, never on what it points to.
     */
    public Path resolveEntry(WorkspacePath requested) {
        Path resolved = resolve(requested);
        Path lexical = lexicalPath(requested);
        if (lexical.equals(real) || !Files.isSymbolicLink(lexical)) {
            return resolved;
        }
        Path parent = resolve(new WorkspacePath(lexical.getParent().toString()));
        return parent.resolve(lexical.getFileName());
    }

    private Path lexicalPath(WorkspacePath requested) {
        Path candidate = Path.of(requested.value());
        return candidate.isAbsolute() ? rebase(candidate.normalize()) : real.resolve(candidate).normalize();
    }

    /** Workspace-relative form with '/' separators, as reported to clients; the root itself is ".". */
    public String relative(Path path) {
        Path relative = real.relativize(path);
        String text = relative.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    public boolean isRoot(Path path) {
        return real.equals(path);
    }

    private Path rebase(Path absolute) {
        // clients may name files by the configured root even when it is itself a symlink
        if (!absolute.startsWith(real) && absolute.startsWith(configured)) {
            return real.resolve(configured.relativize(absolute));
        }
        return absolute;
    }

    private Path realPathOf(Path absolute, WorkspacePath requested, int hops) {
        if (hops > MAX_LINK_HOPS) {
            throw new OperationFailedException(ErrorCode.BAD_REQUEST, "too many symbolic links in '" + requested + "'");
        }
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        Path resolved;
        try {
            resolved = existing.toRealPath();
        } catch (NoSuchFileException e) {
            resolved = danglingLinkTarget(existing, requested, hops);
        } catch (IOException e) {
            throw new OperationFailedException(ErrorCode.IO_ERROR, "cannot resolve '" + requested + "': " + e.getMessage());
        }
        while (!missing.isEmpty()) {
            resolved = resolved.resolve(missing.pop());
        }
        return resolved;
    }

    /** A dangling link would be created through on write, so where it points matters as much as a live one. */
    private Path danglingLinkTarget(Path link, WorkspacePath requested, int hops) {
        try {
            Path parent = link.getParent();
            Path realParent = parent == null ? Path.of("/") : realPathOf(parent, requested, hops + 1);
            Path target = realParent.resolve(Files.readSymbolicLink(link)).normalize();
            return realPathOf(target, requested, hops + 1);
        } catch (IOException e) {
            throw new OperationFailedException(ErrorCode.IO_ERROR, "cannot resolve '" + requested + "': " + e.getMessage());
        }
    }

    private OperationFailedException outside(WorkspacePath requested, String why) {
        return new OperationFailedException(ErrorCode.PATH_OUTSIDE_WORKSPACE,
                "path '" + requested + "' refused: " + why + " (" + configured + ")");
    }
}
