package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** Outcome of an edit: new size in bytes and the 1-based line where the change starts. */
public record EditResult(String path, long size, int line) implements BridgeResult {

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder().add("path", path).add("size", size).add("line", line).build();
    }

    public static EditResult fromJson(JsonObject json) {
        return new EditResult(JsonFields.requiredString(json, "path"),
                JsonFields.optionalLong(json, "size", 0), JsonFields.optionalInt(json, "line", 0));
    }
}
