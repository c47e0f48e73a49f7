package io.kalpana.agent;

import java.util.List;

/**
 * What a new subscriber needs to show the conversation: the finished turns, then the events of the turn
 * that is still running, after which live events follow without a gap.
 */
public record ConversationView(Transcript finishedTurns, List<AgentStreamEvent> runningTurn, boolean turnRunning) {

    public ConversationView {
        runningTurn = List.copyOf(runningTurn);
    }
}
