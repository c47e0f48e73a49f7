package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Opens a conversation: the client states the protocol version it speaks and whether it accepts exec
 * output events as binary frames (same UTF-8 JSON, but the WebSocket layer skips its slow text codec).
 */
public record HelloRequest(ProtocolVersion version, String clientName, boolean binaryOutput)
        implements BridgeRequest<HelloResult> {

    @Override
    public Op op() {
        return Op.HELLO;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("version", version.number()).add("client", clientName).add("binaryOutput", binaryOutput);
    }

    @Override
    public HelloResult decodeResult(JsonObject result) {
        return HelloResult.fromJson(result);
    }

    public static HelloRequest fromJson(JsonObject json) {
        return new HelloRequest(new ProtocolVersion(JsonFields.optionalInt(json, "version", 1)),
                JsonFields.optionalString(json, "client", "unknown"),
                JsonFields.optionalBoolean(json, "binaryOutput", false));
    }
}
