package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Moves or renames; an existing target is only replaced with {@code overwrite}. */
public record MoveRequest(WorkspacePath from, WorkspacePath to, boolean overwrite) implements BridgeRequest<PathResult> {

    @Override
    public Op op() {
        return Op.MOVE;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("from", from.value()).add("to", to.value()).add("overwrite", overwrite);
    }

    @Override
    public PathResult decodeResult(JsonObject result) {
        return PathResult.fromJson(result);
    }

    public static MoveRequest fromJson(JsonObject json) {
        return new MoveRequest(WorkspacePath.of(JsonFields.requiredString(json, "from")),
                WorkspacePath.of(JsonFields.requiredString(json, "to")),
                JsonFields.optionalBoolean(json, "overwrite", false));
    }
}
