package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A request of one operation; {@code R} is the type of its final result.
 * The envelope fields {@code id} and {@code op} are written by {@link Messages}, not by the request.
 */
public interface BridgeRequest<R> {

    Op op();

    void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory);

    R decodeResult(JsonObject result);
}
