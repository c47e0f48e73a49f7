package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * File content; {@code encoding} is never AUTO here. {@code totalLines} counts the whole file,
 * {@code startLine}/{@code endLine} are the lines actually returned (0/0 for binary content).
 */
public record ReadResult(String path, ContentEncoding encoding, String content, long size,
                         int startLine, int endLine, int totalLines) implements BridgeResult {

    /** The content as bytes, whatever the encoding it travelled in. */
    public byte[] bytes() {
        return encoding == ContentEncoding.BASE64
                ? Base64.getDecoder().decode(content)
                : content.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public JsonObject toJson(JsonBuilderFactory json) {
        JsonObjectBuilder builder = json.createObjectBuilder()
                .add("path", path)
                .add("encoding", encoding.wireName())
                .add("content", content)
                .add("size", size)
                .add("startLine", startLine)
                .add("endLine", endLine)
                .add("totalLines", totalLines);
        return builder.build();
    }

    public static ReadResult fromJson(JsonObject json) {
        return new ReadResult(JsonFields.requiredString(json, "path"),
                ContentEncoding.fromWire(JsonFields.optionalString(json, "encoding", "text")),
                JsonFields.requiredString(json, "content"),
                JsonFields.optionalLong(json, "size", 0),
                JsonFields.optionalInt(json, "startLine", 0),
                JsonFields.optionalInt(json, "endLine", 0),
                JsonFields.optionalInt(json, "totalLines", 0));
    }
}
