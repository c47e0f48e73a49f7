package io.kalpana.bridge.it;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare WebSocket to the bridge, for sending what the real client never would. */
public final class RawSocket extends Endpoint implements AutoCloseable {

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private Session session;

    public static RawSocket open(URI uri, String bearer) throws Exception {
        RawSocket socket = new RawSocket();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        if (bearer != null) {
                            headers.put("Authorization", List.of("Bearer " + bearer));
                        }
                    }
                }).build();
        socket.session = Clients.container().connectToServer(socket, config, uri);
        return socket;
    }

    @Override
    public void onOpen(Session opened, EndpointConfig config) {
        opened.setMaxTextMessageBufferSize(64 * 1024 * 1024);
        opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) messages::add);
    }

    @Override
    public void onClose(Session s, CloseReason reason) {
        closed.complete(reason);
    }

    public void send(String text) throws Exception {
        session.getBasicRemote().sendText(text);
    }

    public String next() throws InterruptedException {
        String message = messages.poll(20, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message from bridge within 20 s");
        }
        return message;
    }

    public CloseReason awaitClose() throws Exception {
        return closed.get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }
}
