package io.kalpana.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The agent WebSocket as a script sees it: bearer token in the upgrade request, every message kept with the
 * System.nanoTime() of its arrival, and how the server closed the connection.
 */
final class AgentSocketClient implements WebSocket.Listener, AutoCloseable {

    record Received(JsonObject json, long arrivedNanos) {

        String type() {
            return json.getString("type");
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static AgentSocketClient connect(URL base, String workspaceId, String token) throws Exception {
        AgentSocketClient client = new AgentSocketClient();
        String http = KalpanaDeployment.onLoopback(base).toString().replaceAll("/$", "");
        URI uri = URI.create(http.replaceFirst("^http", "ws") + "/ws/agent/" + workspaceId);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        client.socket = builder.buildAsync(uri, client).get(20, TimeUnit.SECONDS);
        return client;
    }

    void send(String json) throws Exception {
        socket.sendText(json, true).get(10, TimeUnit.SECONDS);
    }

    Received await(Predicate<Received> wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received message : received) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no such message within " + limit + "; got " + received.stream().map(Received::type).toList());
    }

    Received awaitType(String type) throws InterruptedException {
        return await(message -> message.type().equals(type), Duration.ofSeconds(30));
    }

    List<String> types() {
        return received.stream().map(Received::type).toList();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                received.add(new Received(reader.readObject(), now));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason.complete(reason);
        closedWith.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeReason.complete(String.valueOf(error));
        closedWith.complete(-1);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
