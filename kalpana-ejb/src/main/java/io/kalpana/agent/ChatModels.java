package io.kalpana.agent;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;

/** Builds the streaming model client for the configured OpenAI-compatible endpoint. */
public final class ChatModels {

    private ChatModels() {
    }

    /** One client may serve every conversation: it holds no per-conversation state. */
    public static StreamingChatModel openAiCompatible(AgentSettings settings) {
        String apiKey = settings.apiKey().orElseThrow(() -> new KalpanaException(ProblemKind.UNAVAILABLE,
                "agent_not_configured", "The AI agent is not configured: set kalpana.llm.api-key on the server"));
        return OpenAiStreamingChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(apiKey)
                .modelName(settings.model())
                .timeout(settings.requestTimeout())
                // request logs would contain the Authorization header and the user's code
                .logRequests(false)
                .logResponses(false)
                .build();
    }
}
