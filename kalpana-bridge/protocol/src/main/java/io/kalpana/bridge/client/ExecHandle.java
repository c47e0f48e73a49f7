package io.kalpana.bridge.client;

import io.kalpana.bridge.protocol.AckResult;
import io.kalpana.bridge.protocol.ExecExit;
import io.kalpana.bridge.protocol.RequestId;

import java.util.concurrent.CompletableFuture;

/** Control of one running command: its exit, stdin, interrupt and kill. */
public interface ExecHandle {

    RequestId id();

    /** Completes after all output was delivered to the listener. */
    CompletableFuture<ExecExit> exit();

    CompletableFuture<AckResult> sendInput(String text);

    CompletableFuture<AckResult> closeInput();

    /** SIGINT to the command's whole process group. */
    CompletableFuture<AckResult> interrupt();

    /** SIGKILL to the command's whole process group. */
    CompletableFuture<AckResult> kill();
}
