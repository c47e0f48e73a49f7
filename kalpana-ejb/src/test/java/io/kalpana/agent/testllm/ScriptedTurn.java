package io.kalpana.agent.testllm;

import java.time.Duration;
import java.util.List;

/**
 * One scripted answer: streamed text tokens and/or tool calls, or an HTTP error status, or a stream that is
 * cut after {@code cutAfterChunks} SSE chunks. {@code pause} is slept before each chunk.
 */
public record ScriptedTurn(List<String> tokens, List<ScriptedToolCall> toolCalls, int status, String errorBody,
                           int cutAfterChunks, Duration pause) {

    public static ScriptedTurn text(String... tokens) {
        return new ScriptedTurn(List.of(tokens), List.of(), 200, null, -1, Duration.ZERO);
    }

    public static ScriptedTurn tools(ScriptedToolCall... calls) {
        return new ScriptedTurn(List.of(), List.of(calls), 200, null, -1, Duration.ZERO);
    }

    public static ScriptedTurn textThenTools(List<String> tokens, ScriptedToolCall... calls) {
        return new ScriptedTurn(List.copyOf(tokens), List.of(calls), 200, null, -1, Duration.ZERO);
    }

    public static ScriptedTurn error(int status, String message) {
        return new ScriptedTurn(List.of(), List.of(), status,
                "{\"error\":{\"message\":\"" + message + "\",\"type\":\"error\",\"code\":" + status + "}}",
                -1, Duration.ZERO);
    }

    /** Streams the tokens but drops the connection after {@code chunks} chunks, without finish or [DONE]. */
    public ScriptedTurn cutAfter(int chunks) {
        return new ScriptedTurn(tokens, toolCalls, status, errorBody, chunks, pause);
    }

    public ScriptedTurn pacedBy(Duration value) {
        return new ScriptedTurn(tokens, toolCalls, status, errorBody, cutAfterChunks, value);
    }
}
