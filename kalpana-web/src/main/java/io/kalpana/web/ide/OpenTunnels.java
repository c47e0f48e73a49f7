package io.kalpana.web.ide;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * The IDE WebSockets opened under each session, so that signing out (or the session expiring) also cuts the
 * editor's live connections: the check on every request would otherwise not reach a connection opened before.
 */
@ApplicationScoped
public class OpenTunnels {

    private static final Logger LOG = Logger.getLogger(OpenTunnels.class.getName());

    private final ConcurrentMap<String, Set<WebSocketTunnel>> bySession = new ConcurrentHashMap<>();

    void opened(String sessionId, WebSocketTunnel tunnel) {
        LOG.info(() -> "workspace=" + tunnel.workspace() + " IDE WebSocket opened under session #" + Integer.toHexString(sessionId.hashCode()));
        bySession.computeIfAbsent(sessionId, any -> ConcurrentHashMap.newKeySet()).add(tunnel);
    }

    void closed(String sessionId, WebSocketTunnel tunnel) {
        bySession.computeIfPresent(sessionId, (id, tunnels) -> {
            tunnels.remove(tunnel);
            return tunnels.isEmpty() ? null : tunnels;
        });
    }

    /** Closes every IDE WebSocket of a session that has ended. */
    public void sessionEnded(String sessionId) {
        LOG.info(() -> "session #" + Integer.toHexString(sessionId.hashCode()) + " ended; IDE WebSockets of sessions: " + count());
        Set<WebSocketTunnel> tunnels = bySession.remove(sessionId);
        if (tunnels != null) {
            for (WebSocketTunnel tunnel : tunnels) {
                LOG.info(() -> "workspace=" + tunnel.workspace() + " IDE WebSocket closed: its session ended");
                tunnel.close();
            }
        }
    }

    int count() {
        return bySession.values().stream().mapToInt(Set::size).sum();
    }
}
