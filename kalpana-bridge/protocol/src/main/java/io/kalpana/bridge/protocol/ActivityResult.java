package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** Epoch millis of the last real work; while commands run it is "now". */
public record ActivityResult(long lastActivityMillis, int runningCommands) implements BridgeResult {

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder()
                .add("lastActivityMs", lastActivityMillis)
                .add("runningCommands", runningCommands)
                .build();
    }

    public static ActivityResult fromJson(JsonObject json) {
        return new ActivityResult(JsonFields.optionalLong(json, "lastActivityMs", 0),
                JsonFields.optionalInt(json, "runningCommands", 0));
    }
}
