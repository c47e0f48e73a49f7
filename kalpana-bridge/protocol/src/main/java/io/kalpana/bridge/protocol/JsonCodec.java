package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.Map;

/**
 * Parses and builds protocol JSON through one provider instance: the static {@code Json.*} helpers
 * look the provider up again on every call, which is measurable on the exec streaming path.
 */
public final class JsonCodec {

    private final JsonBuilderFactory builders;
    private final JsonReaderFactory readers;

    public JsonCodec(JsonProvider provider) {
        this.builders = provider.createBuilderFactory(Map.of());
        this.readers = provider.createReaderFactory(Map.of());
    }

    public JsonCodec() {
        this(JsonProvider.provider());
    }

    public JsonBuilderFactory builders() {
        return builders;
    }

    /** Parses one protocol message; anything but a JSON object is a malformed message. */
    public JsonObject parseObject(String text) {
        try (JsonReader reader = readers.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, "malformed JSON: " + e.getMessage());
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, "message must be a single JSON object");
        }
    }
}
