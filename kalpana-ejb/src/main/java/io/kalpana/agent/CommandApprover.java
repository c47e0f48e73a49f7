package io.kalpana.agent;

import io.kalpana.workspace.WorkspaceId;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks the user whether a command matching a confirm rule may run. The turn waits for the answer
 * (or for its cancellation), so the web layer can complete the stage when the user clicks.
 */
@FunctionalInterface
public interface CommandApprover {

    /** Declines everything, for callers that cannot ask anybody. */
    CommandApprover DECLINE_ALL = (workspace, command, rule) -> CompletableFuture.completedFuture(false);

    /** Completes with {@code true} to run the command, {@code false} to refuse it. */
    CompletionStage<Boolean> approve(WorkspaceId workspace, String command, String matchedRule);
}
