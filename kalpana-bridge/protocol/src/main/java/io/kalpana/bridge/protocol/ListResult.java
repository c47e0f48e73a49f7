package io.kalpana.bridge.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/** Entries in depth-first, name-sorted order; {@code truncated} when the entry cap was hit. */
public record ListResult(String path, List<FileEntry> entries, boolean truncated) implements BridgeResult {

    public ListResult {
        entries = List.copyOf(entries);
    }

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        JsonArrayBuilder array = json.createArrayBuilder();
        entries.forEach(e -> array.add(e.toJson(json)));
        return json.createObjectBuilder().add("path", path).add("entries", array).add("truncated", truncated).build();
    }

    public static ListResult fromJson(JsonObject json) {
        List<FileEntry> entries = json.getJsonArray("entries").getValuesAs(JsonValue::asJsonObject).stream()
                .map(FileEntry::fromJson).toList();
        return new ListResult(JsonFields.requiredString(json, "path"), entries,
                JsonFields.optionalBoolean(json, "truncated", false));
    }
}
