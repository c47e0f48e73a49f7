package io.kalpana.agent;

import java.time.Duration;

/** The last event of a turn: how it ended, what it used and how long it took. */
public record TurnSummary(TurnOutcome outcome, TokenCounts usage, int modelCalls, Duration duration) {
}
