package io.kalpana.bridge.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/** Matches found; {@code engine} says whether ripgrep or the built-in Java search produced them. */
public record SearchResult(List<SearchMatch> matches, boolean truncated, String engine) implements BridgeResult {

    public SearchResult {
        matches = List.copyOf(matches);
    }

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        JsonArrayBuilder array = json.createArrayBuilder();
        matches.forEach(m -> array.add(m.toJson(json)));
        return json.createObjectBuilder().add("matches", array).add("truncated", truncated).add("engine", engine)
                .build();
    }

    public static SearchResult fromJson(JsonObject json) {
        List<SearchMatch> matches = json.getJsonArray("matches").getValuesAs(JsonValue::asJsonObject).stream()
                .map(SearchMatch::fromJson).toList();
        return new SearchResult(matches, JsonFields.optionalBoolean(json, "truncated", false),
                JsonFields.optionalString(json, "engine", ""));
    }
}
