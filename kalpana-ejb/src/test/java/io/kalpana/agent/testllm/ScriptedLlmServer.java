package io.kalpana.agent.testllm;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * OpenAI-compatible {@code POST /v1/chat/completions} over plain sockets on 127.0.0.1. Plain sockets rather
 * than the JDK HttpServer because a cut stream must end without the final chunk, which HttpServer always sends.
 * Streams chunked SSE in OpenAI's wire format: text as {@code delta.content}, tool calls as
 * {@code delta.tool_calls} with the arguments split over several chunks, a finish chunk, a usage chunk, [DONE].
 */
public final class ScriptedLlmServer implements AutoCloseable {

    private static final int ARGUMENT_PIECE = 7;

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scripted-llm");
        thread.setDaemon(true);
        return thread;
    });
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger served = new AtomicInteger();
    private volatile List<ScriptedTurn> script = List.of();
    private volatile LongConsumer tokenEmitted = nanos -> { };

    private ScriptedLlmServer(ServerSocket socket) {
        this.socket = socket;
        connections.execute(this::acceptLoop);
    }

    public static ScriptedLlmServer start() throws IOException {
        return start(0);
    }

    /** On a given port, for a Kalpana that was started pointing at it; 0 picks a free one. */
    public static ScriptedLlmServer start(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return new ScriptedLlmServer(socket);
    }

    /** The base URL to configure, ending in /v1. */
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    /** Starts a new conversation: the next request gets the first turn; recorded requests are cleared. */
    public void play(ScriptedTurn... turns) {
        requests.clear();
        served.set(0);
        script = List.of(turns);
    }

    /** Called with System.nanoTime() right before each text token is written, for latency measurements. */
    public void onTokenEmitted(LongConsumer observer) {
        tokenEmitted = observer;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            String requestLine = readLine(in);
            String authorization = null;
            int length = 0;
            for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                } else if (name.equals("authorization")) {
                    authorization = value;
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            OutputStream out = client.getOutputStream();
            if (!requestLine.startsWith("POST ") || !requestLine.contains("/v1/chat/completions")) {
                plain(out, 404, "{\"error\":{\"message\":\"no such endpoint\"}}");
                return;
            }
            requests.add(new RecordedRequest(authorization,
                    Json.createReader(new StringReader(body)).readObject()));
            int index = served.getAndIncrement();
            List<ScriptedTurn> turns = script;
            if (index >= turns.size()) {
                plain(out, 500, "{\"error\":{\"message\":\"script has only " + turns.size() + " turns\"}}");
                return;
            }
            ScriptedTurn turn = turns.get(index);
            if (turn.status() != 200) {
                plain(out, turn.status(), turn.errorBody());
            } else {
                stream(out, turn, index);
            }
        } catch (SocketException e) {
            // the client hung up (a cancelled stream): nothing to answer any more
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("scripted LLM server failed", e);
        }
    }

    private void stream(OutputStream out, ScriptedTurn turn, int index) throws IOException, InterruptedException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String id = "chatcmpl-" + index;
        List<JsonObject> deltas = new ArrayList<>();
        deltas.add(Json.createObjectBuilder().add("role", "assistant").add("content", "").build());
        for (String token : turn.tokens()) {
            deltas.add(Json.createObjectBuilder().add("content", token).build());
        }
        for (int i = 0; i < turn.toolCalls().size(); i++) {
            ScriptedToolCall call = turn.toolCalls().get(i);
            deltas.add(toolDelta(Json.createObjectBuilder().add("index", i).add("id", call.id())
                    .add("type", "function")
                    .add("function", Json.createObjectBuilder().add("name", call.name()).add("arguments", ""))));
            String arguments = call.arguments();
            for (int from = 0; from < arguments.length(); from += ARGUMENT_PIECE) {
                String piece = arguments.substring(from, Math.min(arguments.length(), from + ARGUMENT_PIECE));
                deltas.add(toolDelta(Json.createObjectBuilder().add("index", i)
                        .add("function", Json.createObjectBuilder().add("arguments", piece))));
            }
        }
        int sent = 0;
        for (JsonObject delta : deltas) {
            if (!turn.pause().isZero()) {
                Thread.sleep(turn.pause().toMillis(), turn.pause().toNanosPart() % 1_000_000);
            }
            if (sent == turn.cutAfterChunks()) {
                return; // closing the socket without the terminating chunk is what a dropped connection looks like
            }
            if (delta.containsKey("content") && !delta.getString("content").isEmpty()) {
                tokenEmitted.accept(System.nanoTime());
            }
            event(out, chunk(id, Json.createObjectBuilder().add("index", 0).add("delta", delta)
                    .addNull("finish_reason")));
            sent++;
        }
        String finish = turn.toolCalls().isEmpty() ? "stop" : "tool_calls";
        event(out, chunk(id, Json.createObjectBuilder().add("index", 0).add("delta", Json.createObjectBuilder())
                .add("finish_reason", finish)));
        int completionTokens = turn.tokens().size() + turn.toolCalls().size() * 10;
        event(out, Json.createObjectBuilder().add("id", id).add("object", "chat.completion.chunk")
                .add("created", 1_700_000_000).add("model", "scripted").add("choices", Json.createArrayBuilder())
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", 100).add("completion_tokens",
                        completionTokens).add("total_tokens", 100 + completionTokens)).build().toString());
        chunkBytes(out, "data: [DONE]\n\n");
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static JsonObject toolDelta(JsonObjectBuilder call) {
        JsonArrayBuilder calls = Json.createArrayBuilder().add(call);
        return Json.createObjectBuilder().add("tool_calls", calls).build();
    }

    private static String chunk(String id, JsonObjectBuilder choice) {
        return Json.createObjectBuilder().add("id", id).add("object", "chat.completion.chunk")
                .add("created", 1_700_000_000).add("model", "scripted")
                .add("choices", Json.createArrayBuilder().add(choice)).build().toString();
    }

    private static void event(OutputStream out, String json) throws IOException {
        chunkBytes(out, "data: " + json + "\n\n");
    }

    private static void chunkBytes(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void plain(OutputStream out, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " Scripted\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
