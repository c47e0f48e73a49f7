package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Applies one {@link TextEdit} to an existing UTF-8 text file, atomically. */
public record EditRequest(WorkspacePath path, TextEdit edit) implements BridgeRequest<EditResult> {

    public static EditRequest replace(String path, String search, String replacement) {
        return new EditRequest(WorkspacePath.of(path), new TextEdit.Replace(search, replacement));
    }

    public static EditRequest insert(String path, int line, String text) {
        return new EditRequest(WorkspacePath.of(path), new TextEdit.Insert(line, text));
    }

    @Override
    public Op op() {
        return Op.EDIT;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("path", path.value());
        edit.writeFields(json);
    }

    @Override
    public EditResult decodeResult(JsonObject result) {
        return EditResult.fromJson(result);
    }

    public static EditRequest fromJson(JsonObject json) {
        return new EditRequest(WorkspacePath.of(JsonFields.requiredString(json, "path")), TextEdit.fromJson(json));
    }
}
