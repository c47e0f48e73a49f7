package io.kalpana.agent;

/**
 * What a tool call produced: the full text for the transcript, the possibly shortened text the model sees,
 * and a one-line summary for the user interface.
 */
public record ToolResult(boolean succeeded, String summary, String forModel, String fullText) {

    private static final int SUMMARY_CHARS = 200;

    static ToolResult success(String summary, String fullText, ToolOutputLimit limit) {
        return of(true, summary, limit.shorten(fullText), fullText);
    }

    static ToolResult of(boolean succeeded, String summary, String forModel, String fullText) {
        return new ToolResult(succeeded, oneLine(summary), forModel, fullText);
    }

    /** Failures go back to the model as they are, so it can correct its next call. */
    static ToolResult failure(String message) {
        return new ToolResult(false, oneLine(message), "Error: " + message, "Error: " + message);
    }

    private static String oneLine(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= SUMMARY_CHARS ? line : line.substring(0, SUMMARY_CHARS - 1) + "…";
    }
}
