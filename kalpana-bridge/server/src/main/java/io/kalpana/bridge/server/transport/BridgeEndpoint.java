package io.kalpana.bridge.server.transport;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.JsonCodec;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One WebSocket connection: refuses unauthenticated sessions, feeds messages to the dispatcher in order. */
public final class BridgeEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(BridgeEndpoint.class.getName());

    private final RequestDispatcher dispatcher;
    private final JsonCodec json;
    private final Executor pool;
    private final int maxMessageChars;
    private volatile ClientConnection connection;

    BridgeEndpoint(RequestDispatcher dispatcher, JsonCodec json, Executor pool, int maxMessageChars) {
        this.dispatcher = dispatcher;
        this.json = json;
        this.pool = pool;
        this.maxMessageChars = maxMessageChars;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        if (!Boolean.TRUE.equals(session.getUserProperties().get(HandshakeGuard.AUTHORIZED))) {
            // the path only: the query string may carry a (wrong) token, which must not reach the log
            LOG.log(Level.WARNING, "refused bridge connection to {0}: missing or invalid token",
                    session.getRequestURI().getPath());
            closeQuietly(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                    "missing or invalid bridge token"));
            return;
        }
        session.setMaxTextMessageBufferSize(maxMessageChars);
        session.setMaxIdleTimeout(0);
        ClientConnection opened = new ClientConnection(session, json, pool);
        connection = opened;
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            if (text.length() > maxMessageChars) {
                refuseOversized(session, text.length());
                return;
            }
            opened.intake().execute(() -> dispatcher.onText(opened, text));
        });
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes ->
                opened.intake().execute(() -> opened.sendError(null, ErrorCode.BAD_REQUEST,
                        "binary messages are not supported; send JSON text")));
        LOG.log(Level.FINE, "client connected: {0}", session.getId());
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        ClientConnection closed = connection;
        if (closed != null) {
            closed.commands().killAll();
            LOG.log(Level.FINE, "client {0} disconnected: {1}", new Object[] {session.getId(), reason});
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.log(Level.INFO, "connection error: {0}", String.valueOf(error));
    }

    /**
     * Tyrus enforces the session's text buffer limit only on fragmented messages, so a single big frame is
     * checked here; either way the client gets 1009 and only this connection is closed.
     */
    private void refuseOversized(Session session, int length) {
        LOG.log(Level.WARNING, "closing connection {0}: message of {1} characters exceeds the limit of {2}",
                new Object[] {session.getId(), length, maxMessageChars});
        closeQuietly(session, new CloseReason(CloseReason.CloseCodes.TOO_BIG,
                "message exceeds " + maxMessageChars + " characters"));
    }

    private static void closeQuietly(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing refused session failed", e);
        }
    }
}
