package io.kalpana.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.Reader;
import java.io.StringReader;

/**
 * Builders and parsers of the one JSON-P provider. Use these instead of {@code jakarta.json.Json}: each of its calls
 * looks the provider up again through the class loader (a ServiceLoader scan, milliseconds under an application
 * server), and the token check of every API request made several.
 */
public final class JsonFactory {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonFactory() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder object(JsonObject copied) {
        return PROVIDER.createObjectBuilder(copied);
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /** A streaming parser over {@code text}, for readers that check a document as it arrives. */
    public static JsonParser parser(Reader text) {
        return PROVIDER.createParser(text);
    }

    public static JsonReader reader(String text) {
        return PROVIDER.createReader(new StringReader(text));
    }

    /**
     * The JSON object {@code text} holds.
     *
     * @throws JsonParsingException when it is not JSON
     * @throws JsonException        when it is JSON but not an object
     */
    public static JsonObject parseObject(String text) {
        try (JsonReader reader = reader(text)) {
            return reader.readObject();
        }
    }

    /** Any JSON object or array {@code text} holds. */
    public static JsonStructure parse(String text) {
        try (JsonReader reader = reader(text)) {
            return reader.read();
        }
    }
}
