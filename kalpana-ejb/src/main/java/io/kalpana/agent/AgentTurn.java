package io.kalpana.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.kalpana.workspace.WorkspaceId;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One user message worked through: model call, tool calls, model call … until the model answers without
 * tools, the step limit is hit, the user cancels or something fails.
 */
final class AgentTurn {

    private static final Logger LOG = Logger.getLogger(AgentTurn.class.getName());

    private final WorkspaceId workspace;
    private final List<ChatMessage> history;
    private final List<ChatMessage> added = new ArrayList<>();
    private final ModelStream model;
    private final ToolRunner tools;
    private final int maxSteps;
    private final AgentEventListener listener;
    private final TurnRecorder recorder;
    private final CancelSignal cancel;
    private final Clock clock;

    AgentTurn(WorkspaceId workspace, List<ChatMessage> history, String userMessage, ModelStream model,
              ToolRunner tools, int maxSteps, AgentEventListener listener, TurnRecorder recorder, CancelSignal cancel,
              Clock clock) {
        this.workspace = workspace;
        this.history = history;
        this.model = model;
        this.tools = tools;
        this.maxSteps = maxSteps;
        this.listener = new GuardedListener(listener, workspace);
        this.recorder = recorder;
        this.cancel = cancel;
        this.clock = clock;
        added.add(UserMessage.from(userMessage));
    }

    /** Runs the turn to its end; afterwards {@link #addedMessages()} holds what the history gains. */
    TurnSummary run() {
        TurnOutcome outcome = TurnOutcome.STEP_LIMIT;
        AgentFailure failure = null;
        try {
            outcome = loop();
            if (outcome == TurnOutcome.STEP_LIMIT) {
                failure = new AgentFailure("agent_step_limit", "The agent stopped after " + maxSteps
                        + " model calls without finishing (kalpana.agent.max-steps). Ask it to continue if needed.");
            }
        } catch (TurnCancelledException e) {
            outcome = TurnOutcome.CANCELLED;
        } catch (ModelCallFailedException e) {
            outcome = TurnOutcome.FAILED;
            failure = e.failure();
        } catch (WorkspaceUnreachableException e) {
            outcome = TurnOutcome.FAILED;
            failure = new AgentFailure("workspace_unreachable", e.getMessage());
            LOG.log(Level.WARNING, "workspace={0} agent turn failed: {1}", new Object[] {workspace, e.getMessage()});
        } catch (RuntimeException | LinkageError e) {
            // A missing class inside Payara must end the turn visibly too, not leave it running forever.
            outcome = TurnOutcome.FAILED;
            failure = new AgentFailure("agent_error", "The agent failed unexpectedly: " + e);
            LOG.log(Level.SEVERE, "workspace=" + workspace + " agent turn failed unexpectedly", e);
        }
        answerOpenToolCalls(outcome);
        recorder.finish(outcome, failure);
        if (failure != null) {
            listener.onError(failure);
        }
        TurnSummary summary = new TurnSummary(outcome, recorder.usage(), recorder.modelCalls(),
                Duration.between(recorder.startedAt(), clock.instant()));
        LOG.log(Level.INFO, "workspace={0} agent turn ended: {1} after {2} model call(s), {3} tokens, {4} ms",
                new Object[] {workspace, outcome, summary.modelCalls(), summary.usage().total(),
                        summary.duration().toMillis()});
        listener.onTurnFinished(summary);
        return summary;
    }

    /** The user message and everything answered to it, every tool call paired with a result. */
    List<ChatMessage> addedMessages() {
        return List.copyOf(added);
    }

    private TurnOutcome loop() {
        for (int step = 0; step < maxSteps; step++) {
            if (cancel.isCancelled()) {
                throw new TurnCancelledException();
            }
            List<ChatMessage> messages = new ArrayList<>(history);
            messages.addAll(added);
            ChatRequest request = ChatRequest.builder().messages(messages)
                    .toolSpecifications(ToolCatalog.specifications()).build();
            recorder.startStep();
            ChatResponse response = model.call(request, token -> {
                recorder.appendText(token);
                listener.onToken(token);
            }, cancel);
            recorder.finishStep(response);
            AiMessage answer = response.aiMessage();
            added.add(answer);
            if (!answer.hasToolExecutionRequests()) {
                return TurnOutcome.COMPLETED;
            }
            for (ToolExecutionRequest toolRequest : answer.toolExecutionRequests()) {
                runTool(toolRequest);
            }
        }
        return TurnOutcome.STEP_LIMIT;
    }

    private void runTool(ToolExecutionRequest request) {
        ToolCall call = new ToolCall(request.id(), request.name(), request.arguments());
        recorder.toolStarted(call);
        listener.onToolStarted(call);
        ToolResult result = tools.run(call, listener, cancel);
        recorder.toolFinished(call, result.fullText(), result);
        added.add(ToolExecutionResultMessage.from(request, result.forModel()));
        listener.onToolFinished(call, result);
    }

    /** The API refuses a history where a tool call has no result, so calls that never ran get one saying why. */
    private void answerOpenToolCalls(TurnOutcome outcome) {
        if (added.isEmpty() || !(lastAiMessageWithTools() instanceof AiMessage open)) {
            return;
        }
        int firstAfter = added.lastIndexOf(open) + 1;
        List<String> answered = added.subList(firstAfter, added.size()).stream()
                .filter(ToolExecutionResultMessage.class::isInstance)
                .map(message -> ((ToolExecutionResultMessage) message).id())
                .toList();
        String why = outcome == TurnOutcome.CANCELLED ? "Not completed: the user cancelled the turn."
                : "Not completed: the turn failed before this tool finished.";
        for (ToolExecutionRequest request : open.toolExecutionRequests()) {
            if (!answered.contains(request.id())) {
                added.add(ToolExecutionResultMessage.from(request, why));
            }
        }
    }

    private ChatMessage lastAiMessageWithTools() {
        ChatMessage last = null;
        for (ChatMessage message : added) {
            if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                last = ai;
            }
        }
        return last;
    }
}
