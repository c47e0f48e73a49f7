package io.kalpana.bridge.protocol;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Typed, validating field access; a wrong type becomes a bad_request naming the field, not a ClassCastException. */
public final class JsonFields {

    private JsonFields() {
    }

    public static String requiredString(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw missing(name);
        }
        return asString(value, name);
    }

    public static String optionalString(JsonObject json, String name, String fallback) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        return asString(value, name);
    }

    public static long optionalLong(JsonObject json, String name, long fallback) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field '" + name + "' must be an integer");
        }
        return number.longValue();
    }

    public static int optionalInt(JsonObject json, String name, int fallback) {
        long value = optionalLong(json, name, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field '" + name + "' is out of range");
        }
        return (int) value;
    }

    public static int requiredInt(JsonObject json, String name) {
        if (!json.containsKey(name)) {
            throw missing(name);
        }
        return optionalInt(json, name, 0);
    }

    public static boolean optionalBoolean(JsonObject json, String name, boolean fallback) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new ProtocolException(ErrorCode.BAD_REQUEST, "field '" + name + "' must be a boolean");
    }

    public static JsonObject optionalObject(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field '" + name + "' must be an object");
        }
        return value.asJsonObject();
    }

    private static String asString(JsonValue value, String name) {
        if (!(value instanceof JsonString string)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "field '" + name + "' must be a string");
        }
        return string.getString();
    }

    private static ProtocolException missing(String name) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, "missing required field '" + name + "'");
    }
}
