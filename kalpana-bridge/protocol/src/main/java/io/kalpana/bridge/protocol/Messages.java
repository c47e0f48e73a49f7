package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Builds the envelopes of every message on the wire, so both sides share one definition of the format. */
public final class Messages {

    private Messages() {
    }

    public static String request(JsonBuilderFactory json, RequestId id, BridgeRequest<?> request) {
        JsonObjectBuilder builder = json.createObjectBuilder()
                .add("id", id.value())
                .add("op", request.op().wireName());
        request.writeFields(builder, json);
        return builder.build().toString();
    }

    public static String result(JsonBuilderFactory json, RequestId id, BridgeResult result) {
        return event(json, id, MessageType.RESULT, result);
    }

    public static String event(JsonBuilderFactory json, RequestId id, MessageType type, BridgeResult body) {
        return json.createObjectBuilder()
                .add("id", id.value())
                .add("type", type.wireName())
                .add("result", body.toJson(json))
                .build().toString();
    }

    /** The id is absent when the request was too broken to carry one (malformed JSON). */
    public static String error(JsonBuilderFactory json, RequestId id, BridgeError error) {
        JsonObjectBuilder builder = json.createObjectBuilder();
        if (id == null) {
            builder.addNull("id");
        } else {
            builder.add("id", id.value());
        }
        return builder.add("type", MessageType.ERROR.wireName())
                .add("error", error.toJson(json))
                .build().toString();
    }

    /** Output events are the bulk of the traffic; they use a canonical form readable by {@link OutputFrame}. */
    public static String output(RequestId id, OutputChannel channel, String data) {
        return OutputFrame.write(id, channel, data);
    }
}
