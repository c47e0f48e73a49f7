package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/** Sent once the command's process exists; the pid is also its process group id. */
public record ExecStarted(long pid) implements BridgeResult {

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder().add("pid", pid).build();
    }

    public static ExecStarted fromJson(JsonObject json) {
        return new ExecStarted(JsonFields.optionalLong(json, "pid", 0));
    }
}
