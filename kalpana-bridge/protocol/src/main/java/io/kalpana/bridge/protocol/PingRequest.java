package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Liveness check; does not count as activity. */
public record PingRequest() implements BridgeRequest<PongResult> {

    @Override
    public Op op() {
        return Op.PING;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        // a ping carries nothing but its envelope
    }

    @Override
    public PongResult decodeResult(JsonObject result) {
        return PongResult.fromJson(result);
    }
}
