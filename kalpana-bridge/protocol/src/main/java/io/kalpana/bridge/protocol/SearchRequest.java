package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Optional;

/** Regex search over the files below {@code path}; ignored files are skipped, results are capped. */
public record SearchRequest(String pattern, WorkspacePath path, Optional<String> glob, boolean ignoreCase,
                            int maxResults) implements BridgeRequest<SearchResult> {

    public static final int DEFAULT_MAX_RESULTS = 200;

    public SearchRequest {
        if (pattern == null || pattern.isEmpty()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "search needs a non-empty 'pattern'");
        }
        if (maxResults < 1) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "maxResults must be >= 1");
        }
    }

    public static SearchRequest of(String pattern) {
        return new SearchRequest(pattern, WorkspacePath.ROOT, Optional.empty(), false, DEFAULT_MAX_RESULTS);
    }

    @Override
    public Op op() {
        return Op.SEARCH;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("pattern", pattern).add("path", path.value()).add("ignoreCase", ignoreCase)
                .add("maxResults", maxResults);
        glob.ifPresent(g -> json.add("glob", g));
    }

    @Override
    public SearchResult decodeResult(JsonObject result) {
        return SearchResult.fromJson(result);
    }

    public static SearchRequest fromJson(JsonObject json) {
        return new SearchRequest(JsonFields.requiredString(json, "pattern"),
                WorkspacePath.of(JsonFields.optionalString(json, "path", ".")),
                Optional.ofNullable(JsonFields.optionalString(json, "glob", null)),
                JsonFields.optionalBoolean(json, "ignoreCase", false),
                JsonFields.optionalInt(json, "maxResults", DEFAULT_MAX_RESULTS));
    }
}
