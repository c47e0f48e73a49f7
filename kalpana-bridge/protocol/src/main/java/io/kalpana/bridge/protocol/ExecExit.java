package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;

/**
 * Final event of an exec, sent after all its output. A command ended by a signal reports 128 + signal,
 * like a shell; {@code timedOut}/{@code killed} say who sent it; {@code truncated} means output was capped.
 */
public record ExecExit(int exitCode, long durationMillis, boolean timedOut, boolean killed, boolean truncated,
                       long outputBytes) implements BridgeResult {

    public boolean succeeded() {
        return exitCode == 0 && !timedOut && !killed;
    }

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        return json.createObjectBuilder()
                .add("exitCode", exitCode)
                .add("durationMs", durationMillis)
                .add("timedOut", timedOut)
                .add("killed", killed)
                .add("truncated", truncated)
                .add("outputBytes", outputBytes)
                .build();
    }

    public static ExecExit fromJson(JsonObject json) {
        return new ExecExit(JsonFields.optionalInt(json, "exitCode", -1),
                JsonFields.optionalLong(json, "durationMs", 0),
                JsonFields.optionalBoolean(json, "timedOut", false),
                JsonFields.optionalBoolean(json, "killed", false),
                JsonFields.optionalBoolean(json, "truncated", false),
                JsonFields.optionalLong(json, "outputBytes", 0));
    }
}
