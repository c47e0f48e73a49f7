package io.kalpana.bridge.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** One change to a text file: an exact search/replace or an insertion before a line. */
public sealed interface TextEdit permits TextEdit.Replace, TextEdit.Insert {

    void writeFields(JsonObjectBuilder json);

    /** Replaces {@code search}, which must occur exactly once, by {@code replacement}. */
    record Replace(String search, String replacement) implements TextEdit {
        public Replace {
            if (search == null || search.isEmpty()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "edit 'search' must be a non-empty string");
            }
            if (replacement == null) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "edit needs 'replace'");
            }
        }

        @Override
        public void writeFields(JsonObjectBuilder json) {
            json.add("search", search).add("replace", replacement);
        }
    }

    /** Inserts {@code text} before 1-based {@code line}; line = number of lines + 1 appends. */
    record Insert(int line, String text) implements TextEdit {
        public Insert {
            if (line < 1) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "insertLine must be >= 1, got " + line);
            }
            if (text == null) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "insert needs 'text'");
            }
        }

        @Override
        public void writeFields(JsonObjectBuilder json) {
            json.add("insertLine", line).add("text", text);
        }
    }

    static TextEdit fromJson(JsonObject json) {
        if (json.containsKey("insertLine")) {
            return new Insert(JsonFields.requiredInt(json, "insertLine"), JsonFields.requiredString(json, "text"));
        }
        if (json.containsKey("search")) {
            return new Replace(JsonFields.requiredString(json, "search"), JsonFields.requiredString(json, "replace"));
        }
        throw new ProtocolException(ErrorCode.BAD_REQUEST, "edit needs either 'search'+'replace' or 'insertLine'+'text'");
    }
}
