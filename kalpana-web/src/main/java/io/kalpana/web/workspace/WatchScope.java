package io.kalpana.web.workspace;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * Decides at the handshake, where the HTTP request and its roles are still at hand, whether the new channel
 * carries every workspace's changes ({@code ?scope=all}, administrators only) or the person's own.
 */
public class WatchScope extends ServerEndpointConfig.Configurator {

    private static final String ADMIN = "kalpana.watch.admin:";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        if (request.getUserPrincipal() != null) {
            // Keyed by the person: should the container share this map between handshakes, one person's
            // role can never be read for another.
            config.getUserProperties().put(ADMIN + request.getUserPrincipal().getName(), request.isUserInRole("admin"));
        }
    }

    /** Whether this session asked for every workspace and is allowed to see them. */
    static boolean wantsAll(Session session) {
        List<String> scope = session.getRequestParameterMap().get("scope");
        return scope != null && scope.contains("all") && session.getUserPrincipal() != null
                && Boolean.TRUE.equals(session.getUserProperties().get(ADMIN + session.getUserPrincipal().getName()));
    }
}
