package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** Metadata of a path; {@code permissions} in {@code rwxr-x---} form, empty when unknown. */
public record StatResult(String path, boolean exists, EntryType type, long size, long modifiedMillis,
                         String permissions) implements BridgeResult {

    public static StatResult missing(String path) {
        return new StatResult(path, false, EntryType.OTHER, 0, 0, "");
    }

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder()
                .add("path", path)
                .add("exists", exists)
                .add("type", type.wireName())
                .add("size", size)
                .add("modifiedMs", modifiedMillis)
                .add("permissions", permissions)
                .build();
    }

    public static StatResult fromJson(JsonObject json) {
        return new StatResult(JsonFields.requiredString(json, "path"),
                JsonFields.optionalBoolean(json, "exists", false),
                EntryType.fromWire(JsonFields.optionalString(json, "type", "other")),
                JsonFields.optionalLong(json, "size", 0),
                JsonFields.optionalLong(json, "modifiedMs", 0),
                JsonFields.optionalString(json, "permissions", ""));
    }
}
