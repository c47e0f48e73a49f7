package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Deletes a file or directory; a non-empty directory needs {@code recursive}. */
public record DeleteRequest(WorkspacePath path, boolean recursive) implements BridgeRequest<PathResult> {

    @Override
    public Op op() {
        return Op.DELETE;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("path", path.value()).add("recursive", recursive);
    }

    @Override
    public PathResult decodeResult(JsonObject result) {
        return PathResult.fromJson(result);
    }

    public static DeleteRequest fromJson(JsonObject json) {
        return new DeleteRequest(WorkspacePath.of(JsonFields.requiredString(json, "path")),
                JsonFields.optionalBoolean(json, "recursive", false));
    }
}
