package io.kalpana.agent.testllm;

/** A tool call the scripted model makes; {@code arguments} is sent verbatim, valid JSON or not. */
public record ScriptedToolCall(String id, String name, String arguments) {
}
