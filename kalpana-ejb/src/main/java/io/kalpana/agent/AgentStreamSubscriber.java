package io.kalpana.agent;

/**
 * A browser tab (or any client) following a conversation. Called while the conversation holds its lock, so
 * events arrive in order; it must hand them off without blocking (an asynchronous WebSocket send).
 */
@FunctionalInterface
public interface AgentStreamSubscriber {

    void accept(AgentStreamEvent event);
}
