package io.kalpana.agent;

import io.kalpana.workspace.WorkspaceId;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Shields a turn from its listener: a closed WebSocket must not stop the agent half-way through an edit. */
final class GuardedListener implements AgentEventListener {

    private static final Logger LOG = Logger.getLogger(GuardedListener.class.getName());

    private final AgentEventListener delegate;
    private final WorkspaceId workspace;

    GuardedListener(AgentEventListener delegate, WorkspaceId workspace) {
        this.delegate = delegate;
        this.workspace = workspace;
    }

    @Override
    public void onToken(String text) {
        guard(() -> delegate.onToken(text));
    }

    @Override
    public void onToolStarted(ToolCall call) {
        guard(() -> delegate.onToolStarted(call));
    }

    @Override
    public void onToolOutput(ToolCall call, String chunk) {
        guard(() -> delegate.onToolOutput(call, chunk));
    }

    @Override
    public void onToolFinished(ToolCall call, ToolResult result) {
        guard(() -> delegate.onToolFinished(call, result));
    }

    @Override
    public void onError(AgentFailure failure) {
        guard(() -> delegate.onError(failure));
    }

    @Override
    public void onTurnFinished(TurnSummary summary) {
        guard(() -> delegate.onTurnFinished(summary));
    }

    private void guard(Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "workspace=" + workspace + " agent event listener failed; the turn goes on", e);
        }
    }
}
