package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** Empty success of a control request (stdin, interrupt, kill): the effect shows in the exec's events. */
public final class AckResult implements BridgeResult {

    public static final AckResult INSTANCE = new AckResult();

    private AckResult() {
    }

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder().build();
    }

    @Override
    public String toString() {
        return "AckResult";
    }
}
