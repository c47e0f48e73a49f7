package io.kalpana.agent;

import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A workspace's conversation as the browser tabs share it: turns go to the agent, its events fan out to every
 * subscriber in order, the transcript is saved after each tool call and at the end of each turn, and commands
 * that need approval wait here until someone answers. One lock orders everything, so a tab that subscribes
 * mid-turn gets the turn's events so far followed by the live ones, with no gap and no repeat.
 */
public final class LiveConversation implements AgentEventListener, CommandApprover {

    private static final Logger LOG = Logger.getLogger(LiveConversation.class.getName());
    /** Tool output beyond this is left out of the browser event; the transcript keeps all of it. */
    static final int OUTPUT_FOR_BROWSER = 200_000;
    private static final long PREVIOUS_TURN_WRAP_UP_SECONDS = 5;

    private final WorkspaceId workspace;
    private final ConversationStore store;
    private final Transcript stored;
    private final Function<LiveConversation, AgentConversation> agentFactory;
    private final AgentTurnObserver observer;
    private final List<AgentStreamEvent> runningTurn = new ArrayList<>();
    private final List<AgentStreamSubscriber> subscribers = new ArrayList<>();
    private final Map<String, CompletableFuture<Boolean>> approvals = new LinkedHashMap<>();
    private AgentConversation agent;
    private AgentTurnHandle handle;
    private Username turnUser;
    private boolean turnRunning;
    private long seq;
    private long approvalSeq;

    /**
     * @param stored       the conversation as saved before, empty for a new one
     * @param agentFactory builds the agent on the first message (it needs a running workspace and a configured
     *                     model, which viewing the history does not)
     */
    public LiveConversation(WorkspaceId workspace, ConversationStore store, Transcript stored,
                            Function<LiveConversation, AgentConversation> agentFactory, AgentTurnObserver observer) {
        this.workspace = workspace;
        this.store = store;
        this.stored = stored;
        this.agentFactory = agentFactory;
        this.observer = observer;
    }

    public WorkspaceId workspace() {
        return workspace;
    }

    /** The earlier turns this conversation continues, for the agent factory. */
    public List<TranscriptTurn> storedTurns() {
        return stored.turns();
    }

    public synchronized ConversationView subscribe(AgentStreamSubscriber subscriber) {
        subscribers.add(subscriber);
        return new ConversationView(finishedTurns(), turnRunning ? runningTurn : List.of(), turnRunning);
    }

    public synchronized void unsubscribe(AgentStreamSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public synchronized int subscriberCount() {
        return subscribers.size();
    }

    public synchronized boolean turnRunning() {
        return turnRunning;
    }

    /** Everything said and done so far, the running turn included as far as it got. */
    public synchronized Transcript transcript() {
        return agent == null ? stored : agent.transcript();
    }

    /** Starts a turn for {@code user}. Refused (409) while one runs; failures before the turn throw. */
    public synchronized void send(Username user, String message) {
        AgentConversation.requireValidMessage(message);
        if (turnRunning) {
            throw KalpanaException.conflict("agent_turn_running",
                    "The agent is still working on the previous message; wait for it or stop it");
        }
        if (agent == null) {
            agent = agentFactory.apply(this);
        }
        awaitPreviousTurnWrapUp();
        handle = agent.send(message, this);
        turnUser = user;
        turnRunning = true;
        runningTurn.clear();
        emit("turn_started", AgentStreamEvent.fields("message", message, "user", user.value()));
        observer.turnStarted(user, workspace);
        save();
    }

    /** Stops the running turn: the model stream and any running command end at once. Idempotent. */
    public synchronized boolean cancel(Username user) {
        if (!turnRunning) {
            return false;
        }
        LOG.info(() -> "workspace=" + workspace + " agent turn cancelled by " + user);
        approvals.values().forEach(answer -> answer.complete(false));
        handle.cancel();
        return true;
    }

    /** The user's answer to a command waiting for approval. */
    public synchronized void answer(Username user, String approvalId, boolean approved) {
        CompletableFuture<Boolean> pending = approvals.remove(approvalId);
        if (pending == null) {
            throw KalpanaException.notFound("approval_not_found",
                    "There is no command waiting for approval with id '" + approvalId + "'");
        }
        LOG.info(() -> "workspace=" + workspace + " command " + (approved ? "approved" : "declined") + " by " + user);
        emit("approval_answered", AgentStreamEvent.fields("id", approvalId, "approved", approved, "user", user.value()));
        pending.complete(approved);
    }

    @Override
    public synchronized CompletionStage<Boolean> approve(WorkspaceId workspaceId, String command, String matchedRule) {
        String id = "approval-" + (++approvalSeq);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        approvals.put(id, answer);
        emit("approval_needed", AgentStreamEvent.fields("id", id, "command", command, "rule", matchedRule));
        return answer;
    }

    @Override
    public synchronized void onToken(String text) {
        emit("token", AgentStreamEvent.fields("text", text));
    }

    @Override
    public synchronized void onToolStarted(ToolCall call) {
        emit("tool_started", AgentStreamEvent.fields("id", call.id(), "name", call.name(), "arguments", call.arguments()));
        observer.toolStarted(turnUser, workspace, call);
    }

    @Override
    public synchronized void onToolOutput(ToolCall call, String chunk) {
        emit("tool_output", AgentStreamEvent.fields("id", call.id(), "chunk", chunk));
    }

    @Override
    public synchronized void onToolFinished(ToolCall call, ToolResult result) {
        String output = result.fullText() == null ? "" : result.fullText();
        boolean cut = output.length() > OUTPUT_FOR_BROWSER;
        emit("tool_finished", AgentStreamEvent.fields("id", call.id(), "name", call.name(),
                "succeeded", result.succeeded(), "summary", result.summary(),
                "output", cut ? output.substring(0, OUTPUT_FOR_BROWSER) : output, "outputCut", cut));
        save();
    }

    @Override
    public synchronized void onError(AgentFailure failure) {
        emit("error", AgentStreamEvent.fields("code", failure.code(), "message", failure.message()));
    }

    @Override
    public synchronized void onTurnFinished(TurnSummary summary) {
        approvals.values().forEach(answer -> answer.complete(false));
        approvals.clear();
        // Saved before anyone hears of the end, so whoever reads the transcript then finds the whole turn.
        save();
        emit("turn_finished", AgentStreamEvent.fields("outcome", summary.outcome().name(),
                "usage", AgentStreamEvent.fields("input", summary.usage().input(), "output", summary.usage().output(),
                        "total", summary.usage().total()),
                "modelCalls", summary.modelCalls(), "durationMs", summary.duration().toMillis()));
        turnRunning = false;
        observer.turnEnded(turnUser, workspace, summary);
    }

    private Transcript finishedTurns() {
        Transcript all = transcript();
        if (!turnRunning || all.turns().isEmpty()) {
            return all;
        }
        return new Transcript(all.workspaceId(), all.model(), all.turns().subList(0, all.turns().size() - 1));
    }

    /** The agent completes a turn just after its last event; a message sent in that instant must not be refused. */
    private void awaitPreviousTurnWrapUp() {
        if (handle == null) {
            return;
        }
        try {
            handle.finished().get(PREVIOUS_TURN_WRAP_UP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "workspace=" + workspace + " previous agent turn did not wrap up", e);
        }
    }

    private void save() {
        try {
            store.save(transcript());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "workspace=" + workspace + " conversation could not be saved", e);
            emit("error", AgentStreamEvent.fields("code", "conversation_not_saved",
                    "message", "The conversation could not be saved (" + e.getMessage()
                            + "); it continues, and is saved again after the next step"));
        }
    }

    private void emit(String type, Map<String, Object> data) {
        AgentStreamEvent event = new AgentStreamEvent(++seq, type, data);
        if (turnRunning) {
            runningTurn.add(event);
        }
        for (AgentStreamSubscriber subscriber : List.copyOf(subscribers)) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                subscribers.remove(subscriber);
                LOG.log(Level.FINE, "workspace=" + workspace + " dropped a subscriber that failed", e);
            }
        }
    }
}
