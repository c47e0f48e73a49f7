package io.kalpana.agent;

import java.util.concurrent.CompletableFuture;

/** A command the agent started; completes after all of its output was delivered. */
public interface RunningCommand {

    CompletableFuture<CommandExit> exit();

    /** Kills the command and whatever it started. */
    void kill();
}
