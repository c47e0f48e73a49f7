package io.kalpana.bridge.protocol;

import jakarta.json.JsonObject;

import java.util.Optional;

/** The envelope of a client request as the server first sees it, before the operation is decoded. */
public record IncomingRequest(RequestId id, Op op, JsonObject json) {

    /** Reads the id on its own so that even a request with a bad op can be answered with its id. */
    public static Optional<RequestId> idOf(JsonObject json) {
        try {
            String value = JsonFields.optionalString(json, "id", null);
            return value == null ? Optional.empty() : Optional.of(new RequestId(value));
        } catch (ProtocolException e) {
            return Optional.empty();
        }
    }

    public static IncomingRequest fromJson(JsonObject json) {
        RequestId id = new RequestId(JsonFields.requiredString(json, "id"));
        String opName = JsonFields.requiredString(json, "op");
        Op op = Op.fromWire(opName).orElseThrow(
                () -> new ProtocolException(ErrorCode.UNKNOWN_OP, "unknown op '" + opName + "'"));
        return new IncomingRequest(id, op, json);
    }
}
