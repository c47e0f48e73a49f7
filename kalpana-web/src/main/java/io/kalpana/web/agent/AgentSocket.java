package io.kalpana.web.agent;

import io.kalpana.agent.AgentStreamEvent;
import io.kalpana.agent.AgentStreamSubscriber;
import io.kalpana.workspace.WorkspaceId;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One tab's end of a conversation. Events are queued and written by one task at a time on the executor, so the
 * agent's threads never wait for a slow browser and the tab still gets every message in order. Until
 * {@link #start} sent the history, events are held back, so the history always comes first.
 */
final class AgentSocket implements AgentStreamSubscriber {

    private static final Logger LOG = Logger.getLogger(AgentSocket.class.getName());

    private final Session session;
    private final WorkspaceId workspace;
    private final AgentJson json;
    private final Executor executor;
    private final Queue<String> outgoing = new ArrayDeque<>();
    private boolean started;
    private boolean draining;

    AgentSocket(Session session, WorkspaceId workspace, AgentJson json, Executor executor) {
        this.session = session;
        this.workspace = workspace;
        this.json = json;
        this.executor = executor;
    }

    @Override
    public void accept(AgentStreamEvent event) {
        enqueue(json.event(event));
    }

    /**
     * Sends {@code history} and then {@code runningTurn} (the events of the turn in progress when the tab joined)
     * ahead of every event received since, and lets events flow from now on.
     */
    void start(String history, List<AgentStreamEvent> runningTurn) {
        List<String> first = new ArrayList<>();
        first.add(history);
        runningTurn.forEach(event -> first.add(json.event(event)));
        startWith(first);
    }

    void refuse(String code, String message) {
        enqueue(json.refusal(code, message));
    }

    private void enqueue(String message) {
        synchronized (outgoing) {
            outgoing.add(message);
            if (!started || draining) {
                return;
            }
            draining = true;
        }
        executor.execute(this::drain);
    }

    /** Puts {@code messages} ahead of whatever was held back before the start, and starts sending. */
    private void startWith(List<String> messages) {
        synchronized (outgoing) {
            Queue<String> held = new ArrayDeque<>(outgoing);
            outgoing.clear();
            outgoing.addAll(messages);
            outgoing.addAll(held);
            started = true;
            if (draining) {
                return;
            }
            draining = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            String next;
            synchronized (outgoing) {
                next = outgoing.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                if (session.isOpen()) {
                    session.getBasicRemote().sendText(next);
                }
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "workspace=" + workspace + " agent tab went away", e);
            }
        }
    }
}
