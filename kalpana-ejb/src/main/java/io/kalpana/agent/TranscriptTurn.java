package io.kalpana.agent;

import java.time.Instant;
import java.util.List;

/**
 * One user message and what the agent did about it. {@code outcome} and {@code finishedAt} are null while the
 * turn runs; {@code errorCode}/{@code errorMessage} are set when it failed.
 */
public record TranscriptTurn(String userMessage, Instant startedAt, Instant finishedAt, TurnOutcome outcome,
                             String errorCode, String errorMessage, TokenCounts usage, List<TranscriptStep> steps) {

    public TranscriptTurn {
        steps = List.copyOf(steps);
    }
}
