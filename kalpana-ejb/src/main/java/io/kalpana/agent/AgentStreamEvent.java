package io.kalpana.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of a conversation's live stream, numbered so a reconnecting browser can tell what it has seen.
 * {@code data} holds strings, numbers, booleans and nested maps only, ready for JSON.
 */
public record AgentStreamEvent(long seq, String type, Map<String, Object> data) {

    public AgentStreamEvent {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** Builds {@code data} from key/value pairs, leaving out null values. */
    static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                fields.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return fields;
    }
}
