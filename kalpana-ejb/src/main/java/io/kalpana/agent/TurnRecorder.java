package io.kalpana.agent;

import dev.langchain4j.model.chat.response.ChatResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the transcript of one running turn. Tokens arrive on HTTP threads while the turn thread records
 * tool calls and readers take snapshots, hence one lock around everything.
 */
final class TurnRecorder {

    private final Clock clock;
    private final String userMessage;
    private final Instant startedAt;
    private final List<StepRecord> steps = new ArrayList<>();
    private Instant finishedAt;
    private TurnOutcome outcome;
    private AgentFailure failure;
    private TokenCounts usage = TokenCounts.NONE;

    TurnRecorder(Clock clock, String userMessage) {
        this.clock = clock;
        this.userMessage = userMessage;
        this.startedAt = clock.instant();
    }

    synchronized void startStep() {
        steps.add(new StepRecord(clock.instant()));
    }

    synchronized void appendText(String token) {
        current().text.append(token);
    }

    synchronized void finishStep(ChatResponse response) {
        StepRecord step = current();
        step.finishedAt = clock.instant();
        step.finishReason = response.finishReason() == null ? null : response.finishReason().name();
        step.usage = TokenCounts.of(response.tokenUsage());
        usage = usage.plus(step.usage);
    }

    synchronized void toolStarted(ToolCall call) {
        current().tools.put(call.id(), new ToolCallRecord(call.id(), call.name(), call.arguments(), null, null, null,
                null, clock.instant(), null));
    }

    synchronized void toolFinished(ToolCall call, String fullResult, ToolResult result) {
        ToolCallRecord started = current().tools.get(call.id());
        current().tools.put(call.id(), new ToolCallRecord(call.id(), call.name(), call.arguments(), result.succeeded(),
                result.summary(), fullResult, result.forModel(), started.startedAt(), clock.instant()));
    }

    synchronized void finish(TurnOutcome how, AgentFailure why) {
        outcome = how;
        failure = why;
        finishedAt = clock.instant();
        if (!steps.isEmpty() && current().finishedAt == null) {
            current().finishedAt = finishedAt;
        }
    }

    synchronized TokenCounts usage() {
        return usage;
    }

    synchronized int modelCalls() {
        return steps.size();
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    synchronized TranscriptTurn snapshot() {
        List<TranscriptStep> recorded = steps.stream().map(step -> new TranscriptStep(step.text.toString(),
                step.finishReason, step.usage, step.startedAt, step.finishedAt, List.copyOf(step.tools.values())))
                .toList();
        return new TranscriptTurn(userMessage, startedAt, finishedAt, outcome,
                failure == null ? null : failure.code(), failure == null ? null : failure.message(), usage, recorded);
    }

    private StepRecord current() {
        return steps.get(steps.size() - 1);
    }

    private static final class StepRecord {
        final Instant startedAt;
        final StringBuilder text = new StringBuilder();
        final Map<String, ToolCallRecord> tools = new LinkedHashMap<>();
        Instant finishedAt;
        String finishReason;
        TokenCounts usage = TokenCounts.NONE;

        StepRecord(Instant startedAt) {
            this.startedAt = startedAt;
        }
    }
}
