package io.kalpana.runtime;

import io.kalpana.json.JsonFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads code-server's {@code /healthz}. Over HTTP/1.0 on a socket closed right after the answer, on purpose:
 * code-server keeps its heart beating while any connection to it is open, so a probe that left a keep-alive
 * connection in a pool would itself keep an abandoned IDE "in use". {@code /healthz} does not beat the heart.
 */
final class IdeHeartbeatProbe {

    private static final Logger LOG = Logger.getLogger(IdeHeartbeatProbe.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int MOST_BYTES = 16 * 1024;

    Optional<IdeHeartbeat> read(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /healthz HTTP/1.0\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(MOST_BYTES), StandardCharsets.UTF_8);
            return parse(response);
        } catch (IOException e) {
            LOG.fine(() -> "IDE on port " + port + " did not answer /healthz: " + e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<IdeHeartbeat> parse(String response) {
        int bodyStart = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.") || !response.contains(" 200 ") || bodyStart < 0) {
            return Optional.empty();
        }
        try (JsonReader reader = JsonFactory.reader(response.substring(bodyStart + 4))) {
            JsonObject body = reader.readObject();
            boolean alive = "alive".equals(body.getString("status", ""));
            long last = body.get("lastHeartbeat") instanceof JsonNumber number ? number.longValue() : 0;
            return Optional.of(new IdeHeartbeat(alive, last > 0 ? Optional.of(Instant.ofEpochMilli(last)) : Optional.empty()));
        } catch (RuntimeException e) {
            LOG.fine(() -> "unexpected /healthz answer: " + e.getMessage());
            return Optional.empty();
        }
    }
}
