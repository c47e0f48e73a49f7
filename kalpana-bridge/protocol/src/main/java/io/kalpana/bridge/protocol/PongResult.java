package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** Answer to a ping with the server clock, handy to spot clock skew between host and container. */
public record PongResult(long serverTimeMillis) implements BridgeResult {

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder().add("serverTimeMs", serverTimeMillis).build();
    }

    public static PongResult fromJson(JsonObject json) {
        return new PongResult(JsonFields.optionalLong(json, "serverTimeMs", 0));
    }
}
