package io.kalpana.bridge.server.search;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.JsonCodec;
import io.kalpana.bridge.protocol.ProtocolException;
import io.kalpana.bridge.protocol.SearchMatch;
import io.kalpana.bridge.protocol.SearchRequest;
import io.kalpana.bridge.protocol.SearchResult;
import io.kalpana.bridge.server.OperationFailedException;
import io.kalpana.bridge.server.security.WorkspaceRoot;
import jakarta.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code rg --json}. Hidden files are searched (like the Java engine), .git never; ripgrep applies
 * .gitignore itself (also outside git repositories), results sorted by path so answers are stable. Note: ripgrep's regex dialect (Rust) has no look-around or back-references.
 */
public final class RipgrepSearchEngine implements SearchEngine {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path ripgrep;
    private final WorkspaceRoot root;
    private final JsonCodec json;

    public RipgrepSearchEngine(Path ripgrep, WorkspaceRoot root, JsonCodec json) {
        this.ripgrep = ripgrep;
        this.root = root;
        this.json = json;
    }

    @Override
    public SearchResult search(SearchRequest request, Path directory) {
        List<String> command = new ArrayList<>(List.of(ripgrep.toString(), "--json", "--no-config", "--hidden",
                "--no-require-git", "--sort", "path",
                "--glob", "!.git", "--max-columns", String.valueOf(JavaSearchEngine.MAX_LINE_CHARS),
                "--max-columns-preview"));
        if (request.ignoreCase()) {
            command.add("--ignore-case");
        }
        request.glob().ifPresent(g -> {
            command.add("--glob");
            command.add(g);
        });
        command.addAll(List.of("--regexp", request.pattern(), "--", directory.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(root.path().toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new OperationFailedException(ErrorCode.INTERNAL_ERROR, "cannot start ripgrep: " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            List<SearchMatch> matches = new ArrayList<>();
            boolean truncated = collect(process, request.maxResults(), matches);
            if (truncated) {
                process.destroyForcibly();
                return new SearchResult(matches, true, "ripgrep");
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new SearchResult(matches, true, "ripgrep");
            }
            // exit code 1 means "no match", 2 an error (e.g. a bad regex)
            if (process.exitValue() == 2 && matches.isEmpty()) {
                String error = new String(process.getErrorStream().readNBytes(4096), StandardCharsets.UTF_8).trim();
                throw new OperationFailedException(ErrorCode.INVALID_PATTERN, "ripgrep: " + error);
            }
            return new SearchResult(matches, false, "ripgrep");
        } catch (IOException e) {
            throw new OperationFailedException(ErrorCode.IO_ERROR, "ripgrep failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException(ErrorCode.INTERNAL_ERROR, "search interrupted");
        } finally {
            process.destroyForcibly();
        }
    }

    /** @return true when the cap was reached before ripgrep finished */
    private boolean collect(Process process, int maxResults, List<SearchMatch> matches) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonObject event;
                try {
                    event = json.parseObject(line);
                } catch (ProtocolException e) {
                    continue;
                }
                if (!"match".equals(event.getString("type", ""))) {
                    continue;
                }
                if (matches.size() >= maxResults) {
                    return true;
                }
                JsonObject data = event.getJsonObject("data");
                String path = data.getJsonObject("path").getString("text", "");
                String text = data.getJsonObject("lines").getString("text", "");
                matches.add(new SearchMatch(root.relative(Path.of(path)), data.getInt("line_number", 0),
                        stripNewline(text)));
            }
        }
        return false;
    }

    private static String stripNewline(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
