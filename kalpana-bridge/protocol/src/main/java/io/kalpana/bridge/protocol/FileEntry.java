package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** One entry of a listing; {@code path} is relative to the workspace root, with '/' separators. */
public record FileEntry(String path, EntryType type, long size, long modifiedMillis) implements BridgeResult {

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder()
                .add("path", path)
                .add("type", type.wireName())
                .add("size", size)
                .add("modifiedMs", modifiedMillis)
                .build();
    }

    public static FileEntry fromJson(JsonObject json) {
        return new FileEntry(JsonFields.requiredString(json, "path"),
                EntryType.fromWire(JsonFields.optionalString(json, "type", "other")),
                JsonFields.optionalLong(json, "size", 0), JsonFields.optionalLong(json, "modifiedMs", 0));
    }
}
