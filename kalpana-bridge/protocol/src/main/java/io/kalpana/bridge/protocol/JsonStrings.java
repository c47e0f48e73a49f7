package io.kalpana.bridge.protocol;

/**
 * Minimal JSON string quoting/unquoting for the exec output hot path, where going through a generic
 * JSON tree costs more than the data transfer itself. Output is standard JSON (RFC 8259).
 */
public final class JsonStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    public static void appendQuoted(StringBuilder out, String value) {
        out.append('"');
        int length = value.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, plainFrom, i);
            plainFrom = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(value, plainFrom, length).append('"');
    }

    /**
     * Reads the JSON string whose opening quote is at {@code start - 1}.
     * @return the decoded value and, in {@code end[0]}, the index just after the closing quote; null if malformed
     */
    static String readQuoted(String text, int start, int[] end) {
        int closing = text.indexOf('"', start);
        int backslash = text.indexOf('\\', start);
        if (closing < 0) {
            return null;
        }
        if (backslash < 0 || backslash > closing) {
            end[0] = closing + 1;
            return text.substring(start, closing);
        }
        StringBuilder value = new StringBuilder(closing - start + 16);
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == '"') {
                end[0] = i;
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (i >= text.length()) {
                return null;
            }
            char escape = text.charAt(i++);
            switch (escape) {
                case '"', '\\', '/' -> value.append(escape);
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'u' -> {
                    if (i + 4 > text.length()) {
                        return null;
                    }
                    try {
                        value.append((char) Integer.parseInt(text, i, i + 4, 16));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }
}
