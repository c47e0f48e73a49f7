package io.kalpana.agent;

import org.bson.Document;

import java.time.Instant;
import java.util.List;

/**
 * Maps a transcript onto one MongoDB document per conversation and back. Written with the native driver
 * because the transcript is a tree of records, which reads more plainly as a document than as entity classes.
 */
final class TranscriptDocuments {

    private TranscriptDocuments() {
    }

    static Document toDocument(Transcript transcript, Instant savedAt) {
        return new Document("_id", transcript.workspaceId())
                .append("model", transcript.model())
                .append("savedAt", date(savedAt))
                .append("usage", usage(transcript.usage()))
                .append("turns", transcript.turns().stream().map(TranscriptDocuments::turn).toList());
    }

    static Transcript fromDocument(Document document) {
        List<TranscriptTurn> turns = document.getList("turns", Document.class, List.of()).stream()
                .map(TranscriptDocuments::turn).toList();
        return new Transcript(document.getString("_id"), document.getString("model"), turns);
    }

    private static Document turn(TranscriptTurn turn) {
        return new Document("userMessage", turn.userMessage())
                .append("startedAt", date(turn.startedAt()))
                .append("finishedAt", date(turn.finishedAt()))
                .append("outcome", turn.outcome() == null ? null : turn.outcome().name())
                .append("errorCode", turn.errorCode())
                .append("errorMessage", turn.errorMessage())
                .append("usage", usage(turn.usage()))
                .append("steps", turn.steps().stream().map(TranscriptDocuments::step).toList());
    }

    private static TranscriptTurn turn(Document turn) {
        String outcome = turn.getString("outcome");
        return new TranscriptTurn(turn.getString("userMessage"), instant(turn.getString("startedAt")),
                instant(turn.getString("finishedAt")), outcome == null ? null : TurnOutcome.valueOf(outcome),
                turn.getString("errorCode"), turn.getString("errorMessage"), usage(turn.get("usage", Document.class)),
                turn.getList("steps", Document.class, List.of()).stream().map(TranscriptDocuments::step).toList());
    }

    private static Document step(TranscriptStep step) {
        return new Document("assistantText", step.assistantText())
                .append("finishReason", step.finishReason())
                .append("usage", usage(step.usage()))
                .append("startedAt", date(step.startedAt()))
                .append("finishedAt", date(step.finishedAt()))
                .append("toolCalls", step.toolCalls().stream().map(TranscriptDocuments::toolCall).toList());
    }

    private static TranscriptStep step(Document step) {
        return new TranscriptStep(step.getString("assistantText"), step.getString("finishReason"),
                usage(step.get("usage", Document.class)), instant(step.getString("startedAt")),
                instant(step.getString("finishedAt")),
                step.getList("toolCalls", Document.class, List.of()).stream().map(TranscriptDocuments::toolCall).toList());
    }

    private static Document toolCall(ToolCallRecord call) {
        return new Document("id", call.id())
                .append("name", call.name())
                .append("arguments", call.arguments())
                .append("succeeded", call.succeeded())
                .append("summary", call.summary())
                .append("result", call.result())
                .append("resultSentToModel", call.resultSentToModel())
                .append("startedAt", date(call.startedAt()))
                .append("finishedAt", date(call.finishedAt()));
    }

    private static ToolCallRecord toolCall(Document call) {
        return new ToolCallRecord(call.getString("id"), call.getString("name"), call.getString("arguments"),
                call.getBoolean("succeeded"), call.getString("summary"), call.getString("result"),
                call.getString("resultSentToModel"), instant(call.getString("startedAt")),
                instant(call.getString("finishedAt")));
    }

    private static Document usage(TokenCounts usage) {
        return new Document("input", usage.input()).append("output", usage.output()).append("total", usage.total());
    }

    private static TokenCounts usage(Document usage) {
        if (usage == null) {
            return TokenCounts.NONE;
        }
        return new TokenCounts(number(usage, "input"), number(usage, "output"), number(usage, "total"));
    }

    private static long number(Document document, String key) {
        Object value = document.get(key);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** ISO-8601 text, like the JNoSQL entities store instants, and without losing precision. */
    private static String date(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
