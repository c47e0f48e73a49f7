package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Optional;

/**
 * Lists a directory tree up to {@code depth} levels (1 = direct children). {@code glob} filters files
 * (directories are always listed so the tree stays navigable); .gitignore'd entries and .git are skipped.
 */
public record ListRequest(WorkspacePath path, int depth, Optional<String> glob) implements BridgeRequest<ListResult> {

    public static final int DEFAULT_DEPTH = 3;

    public ListRequest {
        if (depth < 1) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "depth must be >= 1, got " + depth);
        }
    }

    public static ListRequest of(String path) {
        return new ListRequest(WorkspacePath.of(path), DEFAULT_DEPTH, Optional.empty());
    }

    @Override
    public Op op() {
        return Op.LIST;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("path", path.value()).add("depth", depth);
        glob.ifPresent(g -> json.add("glob", g));
    }

    @Override
    public ListResult decodeResult(JsonObject result) {
        return ListResult.fromJson(result);
    }

    public static ListRequest fromJson(JsonObject json) {
        return new ListRequest(WorkspacePath.of(JsonFields.optionalString(json, "path", ".")),
                JsonFields.optionalInt(json, "depth", DEFAULT_DEPTH),
                Optional.ofNullable(JsonFields.optionalString(json, "glob", null)));
    }
}
