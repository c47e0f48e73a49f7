package io.kalpana.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Writes every event as one line, so a test can compare the sequence as a whole. */
final class RecordingListener implements AgentEventListener {

    final List<String> events = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final StringBuilder commandOutput = new StringBuilder();
    final CompletableFuture<Void> commandStarted = new CompletableFuture<>();
    final CompletableFuture<Void> firstToken = new CompletableFuture<>();
    final List<ToolResult> results = new ArrayList<>();
    volatile AgentFailure failure;
    volatile TurnSummary summary;

    @Override
    public synchronized void onToken(String token) {
        text.append(token);
        firstToken.complete(null);
        if (events.isEmpty() || !events.get(events.size() - 1).equals("tokens")) {
            events.add("tokens");
        }
    }

    @Override
    public synchronized void onToolStarted(ToolCall call) {
        events.add("started " + call.name() + " " + call.arguments());
    }

    @Override
    public synchronized void onToolOutput(ToolCall call, String chunk) {
        commandOutput.append(chunk);
        commandStarted.complete(null);
    }

    @Override
    public synchronized void onToolFinished(ToolCall call, ToolResult result) {
        results.add(result);
        events.add("finished " + call.name() + " " + (result.succeeded() ? "ok" : "failed"));
    }

    @Override
    public synchronized void onError(AgentFailure error) {
        failure = error;
        events.add("error " + error.code());
    }

    @Override
    public synchronized void onTurnFinished(TurnSummary turn) {
        summary = turn;
        events.add("turn " + turn.outcome());
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }
}
