package io.kalpana.agent;

import java.time.Instant;

/**
 * A tool call with its arguments and complete result; {@code resultSentToModel} is the possibly shortened
 * text the model got. Result fields are null when the call never finished.
 */
public record ToolCallRecord(String id, String name, String arguments, Boolean succeeded, String summary,
                             String result, String resultSentToModel, Instant startedAt, Instant finishedAt) {
}
