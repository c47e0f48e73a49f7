package io.kalpana.agent;

/** One tool call as the model asked for it: its id (to pair the result), the tool's name and raw JSON arguments. */
public record ToolCall(String id, String name, String arguments) {
}
