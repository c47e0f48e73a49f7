package io.kalpana.agent;

import java.util.concurrent.CompletableFuture;

/** A running turn: cancel it, or wait for its end. */
public final class AgentTurnHandle {

    private final CancelSignal cancel;
    private final CompletableFuture<TurnSummary> finished;

    AgentTurnHandle(CancelSignal cancel, CompletableFuture<TurnSummary> finished) {
        this.cancel = cancel;
        this.finished = finished;
    }

    /** Stops the model stream and kills a running command; the turn then ends with {@link TurnOutcome#CANCELLED}. */
    public void cancel() {
        cancel.cancel();
    }

    /** Completes (never exceptionally) after the listener got {@code onTurnFinished}. */
    public CompletableFuture<TurnSummary> finished() {
        return finished;
    }
}
