package io.kalpana.agent;

import java.time.Instant;
import java.util.List;

/**
 * One model call and the tool calls it asked for. {@code assistantText} holds what streamed so far, also when
 * the call broke off; {@code finishReason} is null then.
 */
public record TranscriptStep(String assistantText, String finishReason, TokenCounts usage, Instant startedAt,
                             Instant finishedAt, List<ToolCallRecord> toolCalls) {

    public TranscriptStep {
        toolCalls = List.copyOf(toolCalls);
    }
}
