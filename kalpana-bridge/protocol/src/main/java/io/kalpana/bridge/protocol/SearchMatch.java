package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** A matching line: workspace-relative path, 1-based line number, the line text (trimmed of its newline). */
public record SearchMatch(String path, int line, String text) implements BridgeResult {

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder().add("path", path).add("line", line).add("text", text).build();
    }

    public static SearchMatch fromJson(JsonObject json) {
        return new SearchMatch(JsonFields.requiredString(json, "path"), JsonFields.optionalInt(json, "line", 0),
                JsonFields.optionalString(json, "text", ""));
    }
}
