package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** Outcome of a write: final size in bytes and whether the file is new. */
public record WriteResult(String path, long size, boolean created) implements BridgeResult {

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder().add("path", path).add("size", size).add("created", created).build();
    }

    public static WriteResult fromJson(JsonObject json) {
        return new WriteResult(JsonFields.requiredString(json, "path"),
                JsonFields.optionalLong(json, "size", 0), JsonFields.optionalBoolean(json, "created", false));
    }
}
