package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** Result of an operation whose only outcome is the (workspace-relative) path it affected. */
public record PathResult(String path) implements BridgeResult {

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder().add("path", path).build();
    }

    public static PathResult fromJson(JsonObject json) {
        return new PathResult(JsonFields.requiredString(json, "path"));
    }
}
