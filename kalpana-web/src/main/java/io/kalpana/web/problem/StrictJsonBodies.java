package io.kalpana.web.problem;

import io.kalpana.json.JsonFactory;
import io.kalpana.problem.KalpanaException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Reads every API request body (a record) as strict JSON: one object and nothing after it, valid UTF-8, only the
 * record's fields, each of its own JSON type. JSON-B would take {@code 42} for a name, {@code 1.5} for a count, the
 * first object of an array for the object, and skip unknown (misspelt) fields; each is a 400 that says what is
 * wrong instead. {@code null} reads as no body, which each resource answers with what to send.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class StrictJsonBodies implements MessageBodyReader<Record> {

    private static final Logger LOG = Logger.getLogger(StrictJsonBodies.class.getName());

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) {
        JsonValue value = parse(body);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw KalpanaException.invalid("wrong_json_type", "Send one JSON object with the fields " + fields(type)
                    + ", not " + article(value));
        }
        JsonObject object = value.asJsonObject();
        RecordComponent[] components = type.getRecordComponents();
        for (String name : object.keySet()) {
            if (Arrays.stream(components).noneMatch(component -> component.getName().equals(name))) {
                throw KalpanaException.invalid("unknown_field", "There is no field '" + shorten(name) + "'; the fields are "
                        + fields(type));
            }
        }
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = convert(components[i], object.get(components[i].getName()));
        }
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                    .newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static JsonValue parse(InputStream body) {
        // Invalid UTF-8 is refused, never turned into replacement characters.
        InputStreamReader text = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (JsonParser parser = JsonFactory.parser(text)) {
            if (!parser.hasNext()) {
                throw malformed("the body is empty");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw malformed("there is more after the JSON value");
            }
            return value;
        } catch (KalpanaException refused) {
            throw refused;
        } catch (RuntimeException e) {
            // JsonException mostly, but Parsson refuses too deep nesting with a bare RuntimeException; a body over the
            // size limit arrives as our own problem, wrapped.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof KalpanaException limit) {
                    throw limit;
                }
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException broken && !(t instanceof CharacterCodingException)) {
                    throw unreadable(broken);
                }
            }
            throw malformed(String.valueOf(e.getMessage()));
        }
    }

    /**
     * The body broke off while being read: not the sender's JSON at fault (bad UTF-8 is a CharacterCodingException and
     * stays malformed_json), so the answer must not say it is. Logged, since the cause lies in the connection.
     */
    private static KalpanaException unreadable(IOException broken) {
        LOG.log(Level.WARNING, "workspace=* a request body could not be read to its end", broken);
        return KalpanaException.invalid("body_unreadable", "The request body could not be read to its end ("
                + shorten(String.valueOf(broken.getMessage())) + "); nothing was changed. Send the request again.");
    }

    private static KalpanaException malformed(String why) {
        return KalpanaException.invalid("malformed_json", "The request body is not valid JSON (UTF-8): " + shorten(why));
    }

    private static Object convert(RecordComponent component, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Class<?> type = component.getType();
        if (type == String.class && value instanceof JsonString text) {
            return text.getString();
        }
        if (type == Integer.class && value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException tooLarge) {
                throw wrongType(component, "a whole number of at most " + Integer.MAX_VALUE);
            }
        }
        if (type == Boolean.class && (value == JsonValue.TRUE || value == JsonValue.FALSE)) {
            return value == JsonValue.TRUE;
        }
        if (type == List.class && isListOfText(component) && value instanceof JsonArray array
                && array.stream().allMatch(JsonString.class::isInstance)) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        throw wrongType(component, expected(component));
    }

    private static boolean isListOfText(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == String.class;
    }

    private static String expected(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class) {
            return "a whole number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == List.class && isListOfText(component)) {
            return "a list of texts";
        }
        throw new IllegalStateException("no JSON reading for " + component + ": add it to StrictJsonBodies");
    }

    private static KalpanaException wrongType(RecordComponent component, String expected) {
        return KalpanaException.invalid("wrong_json_type", "The field '" + component.getName() + "' must be " + expected);
    }

    private static String fields(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));
    }

    private static String article(JsonValue value) {
        return switch (value.getValueType()) {
            case ARRAY -> "an array";
            case STRING -> "a text";
            case NUMBER -> "a number";
            default -> value.toString();
        };
    }

    private static String shorten(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
