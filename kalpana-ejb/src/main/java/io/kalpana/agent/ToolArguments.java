package io.kalpana.agent;

import io.kalpana.json.JsonFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.util.Optional;

/** A tool call's JSON arguments; every complaint is phrased for the model, which then fixes its call. */
final class ToolArguments {

    private final String toolName;
    private final JsonObject json;

    private ToolArguments(String toolName, JsonObject json) {
        this.toolName = toolName;
        this.json = json;
    }

    static ToolArguments parse(String toolName, String arguments) {
        String text = arguments == null || arguments.isBlank() ? "{}" : arguments;
        try (var reader = JsonFactory.reader(text)) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new WorkspaceToolException("the arguments of " + toolName + " must be a JSON object");
            }
            return new ToolArguments(toolName, value.asJsonObject());
        } catch (JsonParsingException e) {
            throw new WorkspaceToolException("the arguments of " + toolName + " are not valid JSON ("
                    + e.getMessage() + "); send them again as a JSON object");
        } catch (JsonException e) {
            throw new WorkspaceToolException("the arguments of " + toolName + " are not valid JSON; "
                    + "send them again as a JSON object");
        }
    }

    String required(String name) {
        return optional(name).orElseThrow(() ->
                new WorkspaceToolException(toolName + " needs the string argument '" + name + "'"));
    }

    Optional<String> optional(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        throw new WorkspaceToolException("the argument '" + name + "' of " + toolName + " must be a string");
    }
}
