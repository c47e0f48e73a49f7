package io.kalpana.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Raised once when a turn is cancelled; whatever is waiting registers how to stop itself. */
final class CancelSignal {

    private final List<Runnable> reactions = new ArrayList<>();
    private boolean cancelled;

    void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(reactions);
            reactions.clear();
        }
        toRun.forEach(Runnable::run);
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code reaction} on cancellation, right away if that already happened; returns how to unregister it. */
    Runnable onCancel(Runnable reaction) {
        synchronized (this) {
            if (!cancelled) {
                reactions.add(reaction);
                return () -> {
                    synchronized (this) {
                        reactions.remove(reaction);
                    }
                };
            }
        }
        reaction.run();
        return () -> { };
    }

    /**
     * Waits for {@code work} unless the turn is cancelled first, in which case it throws
     * {@link TurnCancelledException} and leaves stopping the work to the reactions registered for it.
     */
    <T> T await(CompletableFuture<T> work) throws ExecutionException {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        Runnable unregister = onCancel(() -> stop.complete(null));
        try {
            CompletableFuture.anyOf(work, stop).get();
        } catch (ExecutionException e) {
            // the work failed: work.get() below rethrows it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        } finally {
            unregister.run();
        }
        if (work.isDone() && !isCancelled()) {
            try {
                return work.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new TurnCancelledException();
    }
}
