package io.kalpana.agent;

import java.util.List;

/**
 * Everything a conversation produced, turn by turn, as plain values: strings, numbers, instants and lists,
 * so a persistence layer can map it one to one onto a MongoDB document (one document per conversation,
 * turns as an embedded array).
 */
public record Transcript(String workspaceId, String model, List<TranscriptTurn> turns) {

    public Transcript {
        turns = List.copyOf(turns);
    }

    public TokenCounts usage() {
        return turns.stream().map(TranscriptTurn::usage).reduce(TokenCounts.NONE, TokenCounts::plus);
    }
}
