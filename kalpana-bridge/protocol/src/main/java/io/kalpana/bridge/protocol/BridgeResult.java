package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** A result body the server sends back under {@code result}. */
public interface BridgeResult {

    JsonObject toJson(JsonBuilderFactory json);
}
