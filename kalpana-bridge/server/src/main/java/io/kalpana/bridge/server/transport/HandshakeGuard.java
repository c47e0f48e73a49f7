package io.kalpana.bridge.server.transport;

import io.kalpana.bridge.server.security.TokenAuthenticator;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.function.Supplier;

/**
 * Checks the token during the upgrade and creates one endpoint instance per connection.
 * The verdict travels to the session through the user properties; Tyrus 2.x gives every handshake its
 * own copy of them (ServerEndpointConfigWrapper) and copies that into the new session, so concurrent
 * handshakes cannot see each other's verdict.
 */
final class HandshakeGuard extends ServerEndpointConfig.Configurator {

    static final String AUTHORIZED = "io.kalpana.bridge.authorized";

    private final TokenAuthenticator authenticator;
    private final Supplier<BridgeEndpoint> endpoints;

    HandshakeGuard(TokenAuthenticator authenticator, Supplier<BridgeEndpoint> endpoints) {
        this.authenticator = authenticator;
        this.endpoints = endpoints;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        boolean authorized = authenticator.isAuthorized(request.getHeaders(), request.getParameterMap());
        config.getUserProperties().put(AUTHORIZED, authorized);
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        // the token, not the origin, is the credential; the agent client sends no Origin at all
        return true;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoints.get());
    }
}
