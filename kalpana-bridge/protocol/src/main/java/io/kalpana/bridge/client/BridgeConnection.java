package io.kalpana.bridge.client;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One open WebSocket session to the bridge; sends are serialised because a session's remote is not thread-safe. */
final class BridgeConnection {

    private static final Logger LOG = Logger.getLogger(BridgeConnection.class.getName());

    private final Session session;
    private final Object sendLock = new Object();
    private volatile CloseReason closeReason;

    BridgeConnection(Session session) {
        this.session = session;
    }

    boolean isOpen() {
        return closeReason == null && session.isOpen();
    }

    void markClosed(CloseReason reason) {
        closeReason = reason;
    }

    /** True when the bridge closed this session because the token was refused. */
    boolean wasRefusedByPolicy() {
        CloseReason reason = closeReason;
        return reason != null && reason.getCloseCode().getCode() == CloseReason.CloseCodes.VIOLATED_POLICY.getCode();
    }

    void send(String text) {
        synchronized (sendLock) {
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException | IllegalStateException e) {
                throw new BridgeUnavailableException("sending to the bridge failed: " + e.getMessage(), e);
            }
        }
    }

    void close() {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "client closed"));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "closing bridge session failed", e);
        }
    }
}
