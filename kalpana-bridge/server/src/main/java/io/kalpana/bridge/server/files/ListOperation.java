package io.kalpana.bridge.server.files;

import io.kalpana.bridge.protocol.EntryType;
import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.FileEntry;
import io.kalpana.bridge.protocol.ListRequest;
import io.kalpana.bridge.protocol.ListResult;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.security.WorkspaceRoot;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists a directory tree; the glob filters files only, so the directories leading to them stay visible. */
public final class ListOperation {

    private final WorkspaceRoot root;
    private final WorkspaceWalker walker;
    private final int maxEntries;

    public ListOperation(WorkspaceRoot root, int maxEntries) {
        this.root = root;
        this.walker = new WorkspaceWalker(root.path());
        this.maxEntries = maxEntries;
    }

    public ListResult list(ListRequest request) {
        Path directory = root.resolve(request.path());
        String relative = root.relative(directory);
        if (!Files.exists(directory)) {
            throw FileErrors.notFound(relative);
        }
        if (!Files.isDirectory(directory)) {
            throw new OperationFailedException(ErrorCode.NOT_DIRECTORY, "'" + relative + "' is not a directory");
        }
        Optional<PathMatcher> filter = request.glob().map(ListOperation::matcher);
        List<FileEntry> entries = new ArrayList<>();
        boolean[] truncated = {false};
        try {
            walker.walk(directory, request.depth(), (path, attributes, depth) -> {
                EntryType type = EntryTypes.of(attributes);
                if (type != EntryType.DIRECTORY && filter.isPresent() && !matches(filter.get(), directory, path)) {
                    return true;
                }
                if (entries.size() >= maxEntries) {
                    truncated[0] = true;
                    return false;
                }
                entries.add(new FileEntry(root.relative(path), type, attributes.size(),
                        attributes.lastModifiedTime().toMillis()));
                return true;
            });
        } catch (IOException e) {
            throw FileErrors.translate(relative, e);
        }
        return new ListResult(relative, entries, truncated[0]);
    }

    /** A glob without '/' applies to file names, one with '/' to the path below the listed directory. */
    static boolean matches(PathMatcher matcher, Path directory, Path path) {
        return matcher.matches(path.getFileName()) || matcher.matches(directory.relativize(path));
    }

    /** Shared with the Java search engine so both treat an invalid glob the same way. */
    public static PathMatcher matcher(String glob) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException(ErrorCode.INVALID_PATTERN, "invalid glob '" + glob + "': "
                    + e.getMessage());
        }
    }
}
