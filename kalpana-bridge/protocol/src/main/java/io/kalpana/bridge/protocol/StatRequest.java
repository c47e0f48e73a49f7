package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Metadata of one path; a missing path is a normal answer ({@code exists=false}), not an error. */
public record StatRequest(WorkspacePath path) implements BridgeRequest<StatResult> {

    @Override
    public Op op() {
        return Op.STAT;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("path", path.value());
    }

    @Override
    public StatResult decodeResult(JsonObject result) {
        return StatResult.fromJson(result);
    }

    public static StatRequest fromJson(JsonObject json) {
        return new StatRequest(WorkspacePath.of(JsonFields.requiredString(json, "path")));
    }
}
