package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** Body of an error reply. */
public record BridgeError(ErrorCode code, String message) {

    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder()
                .add("code", code.wireName())
                .add("message", message == null ? code.wireName() : message)
                .build();
    }

    public static BridgeError fromJson(JsonObject json) {
        return new BridgeError(ErrorCode.fromWire(json.getString("code", "internal_error")),
                json.getString("message", ""));
    }
}
