package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Base64;

/** Creates or atomically replaces a file; missing parent directories are created. */
public record WriteRequest(WorkspacePath path, String content, ContentEncoding encoding)
        implements BridgeRequest<WriteResult> {

    public WriteRequest {
        if (encoding == ContentEncoding.AUTO) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "write encoding must be text or base64");
        }
        if (content == null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "missing required field 'content'");
        }
    }

    public static WriteRequest text(String path, String content) {
        return new WriteRequest(WorkspacePath.of(path), content, ContentEncoding.TEXT);
    }

    public static WriteRequest binary(String path, byte[] content) {
        return new WriteRequest(WorkspacePath.of(path), Base64.getEncoder().encodeToString(content),
                ContentEncoding.BASE64);
    }

    @Override
    public Op op() {
        return Op.WRITE;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("path", path.value()).add("content", content).add("encoding", encoding.wireName());
    }

    @Override
    public WriteResult decodeResult(JsonObject result) {
        return WriteResult.fromJson(result);
    }

    public static WriteRequest fromJson(JsonObject json) {
        return new WriteRequest(WorkspacePath.of(JsonFields.requiredString(json, "path")),
                JsonFields.requiredString(json, "content"),
                ContentEncoding.fromWire(JsonFields.optionalString(json, "encoding", "text")));
    }
}
