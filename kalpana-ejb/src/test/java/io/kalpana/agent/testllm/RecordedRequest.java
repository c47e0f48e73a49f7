package io.kalpana.agent.testllm;

import jakarta.json.JsonObject;

import java.util.List;

/** A request the server got: its authorization header and parsed JSON body. */
public record RecordedRequest(String authorization, JsonObject body) {

    public List<JsonObject> messages() {
        return body.getJsonArray("messages").getValuesAs(JsonObject.class);
    }

    /** The content of every {@code role: tool} message, in order. */
    public List<String> toolResults() {
        return messages().stream().filter(m -> "tool".equals(m.getString("role", "")))
                .map(m -> m.getString("content", "")).toList();
    }
}
