package io.kalpana.agent;

/**
 * How much of one tool result the model sees. Keeps the head and the tail, because build and test
 * output put the command and the verdict at the two ends.
 */
public record ToolOutputLimit(int chars) {

    public ToolOutputLimit {
        if (chars < 200) {
            throw new IllegalArgumentException("tool output limit must be at least 200 characters, not " + chars);
        }
    }

    public String shorten(String text) {
        if (text.length() <= chars) {
            return text;
        }
        int head = chars / 2;
        int tail = chars - head;
        return text.substring(0, head) + "\n[… " + (text.length() - chars) + " characters left out …]\n"
                + text.substring(text.length() - tail);
    }
}
