package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Asks when the bridge last did real work, for idle detection of the workspace. */
public record ActivityRequest() implements BridgeRequest<ActivityResult> {

    @Override
    public Op op() {
        return Op.ACTIVITY;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        // nothing to send: the answer is global to the bridge
    }

    @Override
    public ActivityResult decodeResult(JsonObject result) {
        return ActivityResult.fromJson(result);
    }
}
