package io.kalpana.bridge.server.transport;

import io.kalpana.bridge.protocol.JsonCodec;
import io.kalpana.bridge.server.security.TokenAuthenticator;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.concurrent.Executor;

/** The single WebSocket route of the bridge, at "/", guarded by the token check. */
public final class WebSocketRoute {

    private final ServerEndpointConfig config;

    public WebSocketRoute(TokenAuthenticator authenticator, RequestDispatcher dispatcher, JsonCodec json,
                          Executor workers, int maxMessageChars) {
        HandshakeGuard guard = new HandshakeGuard(authenticator,
                () -> new BridgeEndpoint(dispatcher, json, workers, maxMessageChars));
        this.config = ServerEndpointConfig.Builder.create(BridgeEndpoint.class, "/").configurator(guard).build();
    }

    public ServerEndpointConfig config() {
        return config;
    }
}
