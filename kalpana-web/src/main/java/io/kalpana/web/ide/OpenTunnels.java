package io.kalpana.web.ide;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;

import java.io.Serializable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The IDE WebSockets opened under one session, kept in the session itself: when it ends (sign-out, expiry) the
 * container unbinds it and the editor's live connections are cut, which the check on every request could not do
 * for a connection opened before.
 */
public final class OpenTunnels implements HttpSessionBindingListener, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OpenTunnels.class.getName());
    static final String ATTRIBUTE = OpenTunnels.class.getName();

    private final transient Set<WebSocketTunnel> tunnels = ConcurrentHashMap.newKeySet();

    /** The session's set, created on first use. */
    static OpenTunnels of(HttpSession session) {
        synchronized (session) {
            Object held = session.getAttribute(ATTRIBUTE);
            if (held instanceof OpenTunnels open) {
                return open;
            }
            OpenTunnels open = new OpenTunnels();
            session.setAttribute(ATTRIBUTE, open);
            return open;
        }
    }

    void opened(WebSocketTunnel tunnel) {
        tunnels.add(tunnel);
    }

    void closed(WebSocketTunnel tunnel) {
        tunnels.remove(tunnel);
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        for (WebSocketTunnel tunnel : tunnels) {
            LOG.info(() -> "workspace=" + tunnel.workspace() + " IDE WebSocket closed: its session ended");
            tunnel.close();
        }
        tunnels.clear();
    }
}
