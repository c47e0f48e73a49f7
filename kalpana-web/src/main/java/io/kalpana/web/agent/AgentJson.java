package io.kalpana.web.agent;

import io.kalpana.agent.AgentStreamEvent;
import io.kalpana.agent.ConversationView;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON of the agent stream: one object per message, {@code type} first, live events carrying {@code seq}. */
@ApplicationScoped
public class AgentJson {

    private final Jsonb jsonb = JsonbBuilder.create();

    String event(AgentStreamEvent event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", event.type());
        message.put("seq", event.seq());
        message.putAll(event.data());
        return jsonb.toJson(message);
    }

    /** The first message of every connection: what happened before, then the running turn's events follow. */
    String history(ConversationView view) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "history");
        message.put("transcript", view.finishedTurns());
        message.put("turnRunning", view.turnRunning());
        return jsonb.toJson(message);
    }

    /** A refusal meant for the one tab that asked, outside the shared stream. */
    String refusal(String code, String message) {
        Map<String, Object> refusal = new LinkedHashMap<>();
        refusal.put("type", "refused");
        refusal.put("code", code);
        refusal.put("message", message);
        return jsonb.toJson(refusal);
    }

    <T> T parse(String json, Class<T> type) {
        return jsonb.fromJson(json, type);
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // Nothing is left to release on shutdown but what the JSON-B provider holds.
        }
    }
}
