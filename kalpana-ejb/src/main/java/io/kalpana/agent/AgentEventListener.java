package io.kalpana.agent;

/**
 * Receives a turn's events, in order. Token and command-output events arrive on I/O threads and must
 * return quickly (hand them to a WebSocket's async sender, for instance). Every turn ends with exactly one
 * {@link #onTurnFinished}; a failed turn sends {@link #onError} just before it.
 */
public interface AgentEventListener {

    default void onToken(String text) {
    }

    default void onToolStarted(ToolCall call) {
    }

    default void onToolOutput(ToolCall call, String chunk) {
    }

    default void onToolFinished(ToolCall call, ToolResult result) {
    }

    default void onError(AgentFailure failure) {
    }

    default void onTurnFinished(TurnSummary summary) {
    }
}
