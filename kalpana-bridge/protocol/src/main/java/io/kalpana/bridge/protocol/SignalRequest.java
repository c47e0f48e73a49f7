package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Interrupts (SIGINT) or kills (SIGKILL) the whole process group of the exec with id {@code target}. */
public record SignalRequest(Op op, RequestId target) implements BridgeRequest<AckResult> {

    public SignalRequest {
        if (op != Op.INTERRUPT && op != Op.KILL) {
            throw new IllegalArgumentException("signal op must be interrupt or kill, got " + op);
        }
    }

    public static SignalRequest interrupt(RequestId target) {
        return new SignalRequest(Op.INTERRUPT, target);
    }

    public static SignalRequest kill(RequestId target) {
        return new SignalRequest(Op.KILL, target);
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("target", target.value());
    }

    @Override
    public AckResult decodeResult(JsonObject result) {
        return AckResult.INSTANCE;
    }

    public static SignalRequest fromJson(Op op, JsonObject json) {
        return new SignalRequest(op, new RequestId(JsonFields.requiredString(json, "target")));
    }
}
