package io.kalpana.bridge.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Where and how to reach one bridge. {@code requestTimeout} bounds connect + send + answer of
 * non-exec requests; execs are bounded by their own timeout plus {@code execGrace}.
 * {@code callbackExecutor} completes futures (in Jakarta EE pass a ManagedExecutorService).
 */
public record BridgeClientConfig(URI endpoint, String token, Duration requestTimeout, Duration connectTimeout,
                                 Duration execGrace, Duration maxReconnectDelay, Executor callbackExecutor,
                                 String clientName) {

    public BridgeClientConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(execGrace, "execGrace");
        Objects.requireNonNull(maxReconnectDelay, "maxReconnectDelay");
        Objects.requireNonNull(callbackExecutor, "callbackExecutor");
        Objects.requireNonNull(clientName, "clientName");
    }

    /** Sensible defaults: 30 s requests, 10 s connect, 30 s exec grace, reconnect backoff up to 2 s. */
    public static BridgeClientConfig of(URI endpoint, String token) {
        return new BridgeClientConfig(endpoint, token, Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(2), ForkJoinPool.commonPool(), "kalpana-java-client");
    }

    public BridgeClientConfig withRequestTimeout(Duration value) {
        return new BridgeClientConfig(endpoint, token, value, connectTimeout, execGrace, maxReconnectDelay,
                callbackExecutor, clientName);
    }

    public BridgeClientConfig withConnectTimeout(Duration value) {
        return new BridgeClientConfig(endpoint, token, requestTimeout, value, execGrace, maxReconnectDelay,
                callbackExecutor, clientName);
    }

    public BridgeClientConfig withCallbackExecutor(Executor value) {
        return new BridgeClientConfig(endpoint, token, requestTimeout, connectTimeout, execGrace, maxReconnectDelay,
                value, clientName);
    }

    @Override
    public String toString() {
        // the token must never end up in logs
        return "BridgeClientConfig[endpoint=" + endpoint + ", requestTimeout=" + requestTimeout + "]";
    }
}
