package io.kalpana.bridge.server.files;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.TextEdit;
import io.kalpana.bridge.server.OperationFailedException;

/**
 * Applies a {@link TextEdit} to text. Search/replace must match exactly once because an agent that
 * guessed the context wrong should be told so, not have the wrong occurrence silently changed.
 */
public final class TextEditor {

    /** The edited text and the 1-based line where the change starts. */
    public record Outcome(String text, int line) {
    }

    public Outcome apply(String text, TextEdit edit) {
        if (edit instanceof TextEdit.Replace replace) {
            return replace(text, replace);
        }
        return insert(text, (TextEdit.Insert) edit);
    }

    public static int countOccurrences(String text, String search) {
        int count = 0;
        int from = 0;
        while (true) {
            int index = text.indexOf(search, from);
            if (index < 0) {
                return count;
            }
            count++;
            from = index + search.length();
        }
    }

    private Outcome replace(String text, TextEdit.Replace edit) {
        int matches = countOccurrences(text, edit.search());
        if (matches == 0) {
            throw new OperationFailedException(ErrorCode.EDIT_NO_MATCH,
                    "search text matched 0 times; it must match exactly once (check whitespace and indentation)");
        }
        if (matches > 1) {
            throw new OperationFailedException(ErrorCode.EDIT_AMBIGUOUS, "search text matched " + matches
                    + " times; it must match exactly once (include more surrounding lines)");
        }
        int index = text.indexOf(edit.search());
        String edited = text.substring(0, index) + edit.replacement() + text.substring(index + edit.search().length());
        return new Outcome(edited, lineOf(text, index));
    }

    private Outcome insert(String text, TextEdit.Insert edit) {
        int lines = TextContent.countLines(text);
        if (edit.line() > lines + 1) {
            throw new OperationFailedException(ErrorCode.BAD_REQUEST, "insertLine " + edit.line()
                    + " is beyond the end of the file (" + lines + " lines; use " + (lines + 1) + " to append)");
        }
        String inserted = edit.text().endsWith("\n") || edit.text().isEmpty() ? edit.text() : edit.text() + "\n";
        if (edit.line() == lines + 1) {
            String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            return new Outcome(text + separator + inserted, edit.line());
        }
        int offset = offsetOfLine(text, edit.line());
        return new Outcome(text.substring(0, offset) + inserted + text.substring(offset), edit.line());
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
