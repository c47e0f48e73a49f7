package io.kalpana.bridge.it;

import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.bridge.client.BridgeClientConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Test helpers: clients for a bridge process and blocking waits that surface the real cause. */
public final class Clients {

    private static final WebSocketContainer CONTAINER = ContainerProvider.getWebSocketContainer();

    private Clients() {
    }

    public static WebSocketContainer container() {
        return CONTAINER;
    }

    public static BridgeClient connect(BridgeProcess bridge) {
        return connect(bridge, bridge.token());
    }

    public static BridgeClient connect(BridgeProcess bridge, String token) {
        BridgeClientConfig config = BridgeClientConfig.of(bridge.uri(), token)
                .withRequestTimeout(Duration.ofSeconds(20));
        return new BridgeClient(config, CONTAINER);
    }

    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
