package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** Limits the server enforces, announced in the hello reply so clients can stay inside them. */
public record BridgeLimits(long maxMessageBytes, long maxReadBytes, long maxOutputBytes,
                           int maxConcurrentCommands, long defaultExecTimeoutMillis, long maxExecTimeoutMillis)
        implements BridgeResult {

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder()
                .add("maxMessageBytes", maxMessageBytes)
                .add("maxReadBytes", maxReadBytes)
                .add("maxOutputBytes", maxOutputBytes)
                .add("maxConcurrentCommands", maxConcurrentCommands)
                .add("defaultExecTimeoutMs", defaultExecTimeoutMillis)
                .add("maxExecTimeoutMs", maxExecTimeoutMillis)
                .build();
    }

    public static BridgeLimits fromJson(JsonObject json) {
        return new BridgeLimits(
                JsonFields.optionalLong(json, "maxMessageBytes", 0),
                JsonFields.optionalLong(json, "maxReadBytes", 0),
                JsonFields.optionalLong(json, "maxOutputBytes", 0),
                JsonFields.optionalInt(json, "maxConcurrentCommands", 0),
                JsonFields.optionalLong(json, "defaultExecTimeoutMs", 0),
                JsonFields.optionalLong(json, "maxExecTimeoutMs", 0));
    }
}
