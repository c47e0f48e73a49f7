package io.kalpana.bridge.client;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Adapts the jakarta.websocket callbacks of one session to the client. */
final class ClientSocketEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(ClientSocketEndpoint.class.getName());

    /** Large read results and write requests must fit; the bridge enforces its own, smaller limit. */
    static final int MAX_MESSAGE_CHARS = 64 * 1024 * 1024;

    private final BridgeClient client;
    final CompletableFuture<BridgeConnection> opened = new CompletableFuture<>();
    private volatile BridgeConnection connection;

    ClientSocketEndpoint(BridgeClient client) {
        this.client = client;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_CHARS);
        session.setMaxIdleTimeout(0);
        BridgeConnection opening = new BridgeConnection(session);
        connection = opening;
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> client.onMessage(text));
        // exec output arrives as binary frames holding UTF-8 JSON (negotiated in hello)
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) client::onBinaryMessage);
        opened.complete(opening);
    }

    static String utf8(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            return new String(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(),
                    StandardCharsets.UTF_8);
        }
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        BridgeConnection closed = connection;
        if (closed != null) {
            closed.markClosed(reason);
            client.onClosed(closed, reason);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.log(Level.FINE, "bridge session error", error);
    }
}
