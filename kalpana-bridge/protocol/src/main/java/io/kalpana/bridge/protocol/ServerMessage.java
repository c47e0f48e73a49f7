package io.kalpana.bridge.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Optional;

/** A server-to-client message as the client first sees it: whom it is for and what kind it is. */
public record ServerMessage(Optional<RequestId> id, MessageType type, JsonObject json) {

    public static ServerMessage fromJson(JsonObject json) {
        String typeName = JsonFields.requiredString(json, "type");
        MessageType type = MessageType.fromWire(typeName).orElseThrow(
                () -> new ProtocolException(ErrorCode.BAD_REQUEST, "unknown message type '" + typeName + "'"));
        return new ServerMessage(IncomingRequest.idOf(json), type, json);
    }

    public JsonObject result() {
        return JsonFields.optionalObject(json, "result");
    }

    public BridgeError error() {
        JsonObject error = JsonFields.optionalObject(json, "error");
        return error == JsonValue.EMPTY_JSON_OBJECT
                ? new BridgeError(ErrorCode.INTERNAL_ERROR, "error reply without details")
                : BridgeError.fromJson(error);
    }

    public String data() {
        return JsonFields.optionalString(json, "data", "");
    }
}
