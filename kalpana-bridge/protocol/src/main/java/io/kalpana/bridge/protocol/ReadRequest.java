package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Optional;

/** Reads a file, optionally only a line range (text only). */
public record ReadRequest(WorkspacePath path, Optional<LineRange> lines, ContentEncoding encoding)
        implements BridgeRequest<ReadResult> {

    public static ReadRequest whole(String path) {
        return new ReadRequest(WorkspacePath.of(path), Optional.empty(), ContentEncoding.AUTO);
    }

    public static ReadRequest lines(String path, int firstLine, int lastLine) {
        return new ReadRequest(WorkspacePath.of(path), Optional.of(new LineRange(firstLine, lastLine)),
                ContentEncoding.TEXT);
    }

    @Override
    public Op op() {
        return Op.READ;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("path", path.value()).add("encoding", encoding.wireName());
        lines.ifPresent(range -> {
            json.add("startLine", range.firstLine());
            if (!range.isOpenEnded()) {
                json.add("endLine", range.lastLine());
            }
        });
    }

    @Override
    public ReadResult decodeResult(JsonObject result) {
        return ReadResult.fromJson(result);
    }

    public static ReadRequest fromJson(JsonObject json) {
        WorkspacePath path = WorkspacePath.of(JsonFields.requiredString(json, "path"));
        ContentEncoding encoding = ContentEncoding.fromWire(JsonFields.optionalString(json, "encoding", "auto"));
        Optional<LineRange> lines = Optional.empty();
        if (json.containsKey("startLine") || json.containsKey("endLine")) {
            lines = Optional.of(new LineRange(JsonFields.optionalInt(json, "startLine", 1),
                    JsonFields.optionalInt(json, "endLine", LineRange.TO_END)));
            if (encoding == ContentEncoding.BASE64) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "a line range needs text encoding");
            }
            encoding = ContentEncoding.TEXT;
        }
        return new ReadRequest(path, lines, encoding);
    }
}
