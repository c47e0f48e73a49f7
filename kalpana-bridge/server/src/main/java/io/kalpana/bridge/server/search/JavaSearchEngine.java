package io.kalpana.bridge.server.search;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.SearchMatch;
import io.kalpana.bridge.protocol.SearchRequest;
import io.kalpana.bridge.protocol.SearchResult;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.files.ListOperation;
import io.kalpana.bridge.server.files.WorkspaceWalker;
import io.kalpana.bridge.server.security.WorkspaceRoot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Fallback search with java.util.regex; skips binary files (NUL in the first 8 KiB) and huge ones. */
public final class JavaSearchEngine implements SearchEngine {

    static final int MAX_LINE_CHARS = 500;
    private static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    private static final int SNIFF_BYTES = 8192;

    private final WorkspaceRoot root;
    private final WorkspaceWalker walker;

    public JavaSearchEngine(WorkspaceRoot root) {
        this.root = root;
        this.walker = new WorkspaceWalker(root.path());
    }

    @Override
    public SearchResult search(SearchRequest request, Path directory) {
        Pattern pattern = compile(request);
        Optional<PathMatcher> glob = request.glob().map(ListOperation::matcher);
        List<SearchMatch> matches = new ArrayList<>();
        boolean[] truncated = {false};
        try {
            if (Files.isRegularFile(directory)) {
                truncated[0] = !searchFile(directory, pattern, request.maxResults(), matches);
            } else {
                walker.walk(directory, Integer.MAX_VALUE, (path, attributes, depth) -> {
                    if (!attributes.isRegularFile() || attributes.size() > MAX_FILE_BYTES) {
                        return true;
                    }
                    if (glob.isPresent() && !glob.get().matches(path.getFileName())
                            && !glob.get().matches(directory.relativize(path))) {
                        return true;
                    }
                    boolean more = searchFile(path, pattern, request.maxResults(), matches);
                    truncated[0] = !more;
                    return more;
                });
            }
        } catch (IOException e) {
            throw new OperationFailedException(ErrorCode.IO_ERROR, "search failed: " + e.getMessage(), e);
        }
        return new SearchResult(matches, truncated[0], "java");
    }

    private static Pattern compile(SearchRequest request) {
        try {
            return Pattern.compile(request.pattern(), request.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new OperationFailedException(ErrorCode.INVALID_PATTERN, "invalid regex: " + e.getDescription());
        }
    }

    /** @return false when the result cap was reached */
    private boolean searchFile(Path file, Pattern pattern, int maxResults, List<SearchMatch> matches) {
        if (isBinary(file)) {
            return true;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (pattern.matcher(line).find()) {
                    if (matches.size() >= maxResults) {
                        return false;
                    }
                    String text = line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) : line;
                    matches.add(new SearchMatch(root.relative(file), number, text));
                }
            }
        } catch (IOException e) {
            // unreadable files are skipped like ripgrep does
        }
        return true;
    }

    private static boolean isBinary(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            for (byte b : head) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
