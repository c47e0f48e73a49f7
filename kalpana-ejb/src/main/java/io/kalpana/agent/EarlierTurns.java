package io.kalpana.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the model's view of a conversation from its stored transcript, so a conversation resumed after a
 * restart continues where it was. It pairs every tool call with a result, as the live turn does.
 */
final class EarlierTurns {

    private static final String NEVER_FINISHED = "Not completed: the turn ended before this tool finished.";

    private EarlierTurns() {
    }

    static List<ChatMessage> asHistory(List<TranscriptTurn> turns) {
        List<ChatMessage> messages = new ArrayList<>();
        for (TranscriptTurn turn : turns) {
            messages.add(UserMessage.from(turn.userMessage()));
            for (TranscriptStep step : turn.steps()) {
                addStep(messages, step);
            }
        }
        return messages;
    }

    private static void addStep(List<ChatMessage> messages, TranscriptStep step) {
        String text = step.assistantText() == null || step.assistantText().isEmpty() ? null : step.assistantText();
        if (step.toolCalls().isEmpty()) {
            if (text != null) {
                messages.add(AiMessage.from(text));
            }
            return;
        }
        List<ToolExecutionRequest> requests = step.toolCalls().stream()
                .map(call -> ToolExecutionRequest.builder().id(call.id()).name(call.name())
                        .arguments(call.arguments()).build())
                .toList();
        messages.add(text == null ? AiMessage.from(requests) : AiMessage.from(text, requests));
        for (int i = 0; i < requests.size(); i++) {
            ToolCallRecord call = step.toolCalls().get(i);
            String result = call.resultSentToModel() == null ? NEVER_FINISHED : call.resultSentToModel();
            messages.add(ToolExecutionResultMessage.from(requests.get(i), result));
        }
    }
}
