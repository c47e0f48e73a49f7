package io.kalpana.agent;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A chat with the agent about one workspace: the model's view of the history plus the transcript.
 * One turn at a time; the web layer keeps one instance per open agent panel.
 */
public final class AgentConversation {

    /** Longer than any prompt a person types; pasted logs beyond it belong in a file the agent reads. */
    public static final int MAX_MESSAGE_CHARS = 32_000;

    private final WorkspaceContext context;
    private final WorkspaceTools workspaceTools;
    private final AgentSettings settings;
    private final CommandApprover approver;
    private final Executor executor;
    private final Clock clock;
    private final ModelStream model;
    private final CommandPolicy policy;
    private final List<ChatMessage> history = new ArrayList<>();
    private final List<TranscriptTurn> earlier;
    private final List<TurnRecorder> turns = new ArrayList<>();
    private CompletableFuture<TurnSummary> running = CompletableFuture.completedFuture(null);

    /**
     * @param executor runs each turn (in Jakarta EE a ManagedExecutorService); a turn occupies one thread
     *                 while it waits for the model and for commands
     */
    public AgentConversation(WorkspaceContext context, StreamingChatModel chatModel, WorkspaceTools workspaceTools,
                             AgentSettings settings, CommandApprover approver, Executor executor, Clock clock) {
        this(context, chatModel, workspaceTools, settings, approver, executor, clock, List.of());
    }

    /** A conversation that continues {@code earlier} turns, typically loaded from the database. */
    public AgentConversation(WorkspaceContext context, StreamingChatModel chatModel, WorkspaceTools workspaceTools,
                             AgentSettings settings, CommandApprover approver, Executor executor, Clock clock,
                             List<TranscriptTurn> earlier) {
        this.context = context;
        this.earlier = List.copyOf(earlier);
        this.workspaceTools = workspaceTools;
        this.settings = settings;
        this.approver = approver;
        this.executor = executor;
        this.clock = clock;
        this.model = new ModelStream(chatModel, settings, context.workspace());
        this.policy = settings.commandPolicy();
        history.add(SystemMessage.from(SystemPrompt.describe(context)));
        history.addAll(EarlierTurns.asHistory(this.earlier));
    }

    public WorkspaceId workspace() {
        return context.workspace();
    }

    /** Refuses what no turn should start with: nothing, or more than a person would type. */
    public static void requireValidMessage(String userMessage) {
        if (userMessage == null || userMessage.isBlank()) {
            throw KalpanaException.invalid("empty_agent_message", "Write a message for the agent first");
        }
        if (userMessage.length() > MAX_MESSAGE_CHARS) {
            throw KalpanaException.invalid("agent_message_too_long", "A message to the agent may have at most "
                    + MAX_MESSAGE_CHARS + " characters, this one has " + userMessage.length());
        }
    }

    /** Starts a turn; its events go to {@code listener}. Refused while the previous turn still runs. */
    public synchronized AgentTurnHandle send(String userMessage, AgentEventListener listener) {
        requireValidMessage(userMessage);
        if (!running.isDone()) {
            throw KalpanaException.conflict("agent_turn_running",
                    "The agent is still working on the previous message; wait for it or cancel it");
        }
        CancelSignal cancel = new CancelSignal();
        TurnRecorder recorder = new TurnRecorder(clock, userMessage);
        turns.add(recorder);
        List<ChatMessage> before = List.copyOf(history);
        ToolRunner tools = new ToolRunner(context.workspace(), workspaceTools, policy, approver,
                settings.commandTimeout(), new ToolOutputLimit(settings.toolOutputLimit()));
        AgentTurn turn = new AgentTurn(context.workspace(), before, userMessage, model, tools, settings.maxSteps(),
                listener, recorder, cancel, clock);
        CompletableFuture<TurnSummary> finished = new CompletableFuture<>();
        running = finished;
        try {
            executor.execute(() -> {
                TurnSummary summary = null;
                try {
                    summary = turn.run();
                } finally {
                    synchronized (this) {
                        history.addAll(turn.addedMessages());
                    }
                    finished.complete(summary);
                }
            });
        } catch (RejectedExecutionException e) {
            turns.remove(recorder);
            running = CompletableFuture.completedFuture(null);
            throw KalpanaException.unavailable("agent_busy", "The server cannot start another agent turn right now", e);
        }
        return new AgentTurnHandle(cancel, finished);
    }

    public synchronized boolean turnRunning() {
        return !running.isDone();
    }

    /** A snapshot, including the running turn as far as it got. */
    public synchronized Transcript transcript() {
        List<TranscriptTurn> all = new ArrayList<>(earlier);
        turns.forEach(turn -> all.add(turn.snapshot()));
        return new Transcript(context.workspace().value(), settings.model(), all);
    }
}
