package io.kalpana.bridge.client;

import io.kalpana.bridge.protocol.BridgeRequest;
import io.kalpana.bridge.protocol.RequestId;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** A request waiting for its answer, remembering the connection it went out on. */
final class PendingCall<R> {

    final RequestId id;
    final BridgeRequest<R> request;
    final ExecListener listener;
    final CompletableFuture<R> future = new CompletableFuture<>();
    volatile BridgeConnection connection;
    volatile ScheduledFuture<?> timeoutTask;

    PendingCall(RequestId id, BridgeRequest<R> request, ExecListener listener) {
        this.id = id;
        this.request = request;
        this.listener = listener;
    }

    void cancelTimeout() {
        ScheduledFuture<?> task = timeoutTask;
        if (task != null) {
            task.cancel(false);
        }
    }
}
