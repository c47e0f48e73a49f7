package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Feeds UTF-8 text to a running command's stdin (started with stdin open); {@code close} sends EOF after it. */
public record StdinRequest(RequestId target, String data, boolean close) implements BridgeRequest<AckResult> {

    @Override
    public Op op() {
        return Op.STDIN;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("target", target.value()).add("data", data).add("close", close);
    }

    @Override
    public AckResult decodeResult(JsonObject result) {
        return AckResult.INSTANCE;
    }

    public static StdinRequest fromJson(JsonObject json) {
        return new StdinRequest(new RequestId(JsonFields.requiredString(json, "target")),
                JsonFields.optionalString(json, "data", ""), JsonFields.optionalBoolean(json, "close", false));
    }
}
