package io.kalpana.web.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP written by hand on a socket, for what a well-behaved client library will not send: unnormalised paths,
 * WebSocket upgrades, oversized headers.
 */
final class RawHttp {

    record Answer(int status, String head, String body) {

        /** The first value of a header, or null. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    private final String host;
    private final int port;

    RawHttp(URL base) {
        URL loopback = KalpanaDeployment.onLoopback(base);
        this.host = loopback.getHost();
        this.port = loopback.getPort();
    }

    String hostHeader() {
        return host + ":" + port;
    }

    /**
     * Sends {@code requestLineAndHeaders} (without the final empty line) and reads the answer until the
     * connection closes, the body is complete or {@code readMillis} pass; status 0 if nothing came back.
     */
    Answer exchange(String requestLineAndHeaders, int readMillis) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(readMillis);
            try {
                socket.getOutputStream().write((requestLineAndHeaders + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (java.net.SocketException hungUp) {
                // the server refused the request before reading all of it; what it answered, if anything, follows
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    bytes.write(buffer, 0, read);
                    if (complete(bytes.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException stop) {
                // what came so far is the answer
            }
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/")) {
                return new Answer(0, text, "");
            }
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
    }

    /** A GET with the given extra header lines (each ending in CRLF). */
    Answer get(String path, String extraHeaders) throws IOException {
        return exchange("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader() + "\r\nConnection: close\r\n" + extraHeaders, 10_000);
    }

    /** A WebSocket opening handshake; a 101 answer leaves the socket open until the read times out. */
    Answer upgrade(String path, String extraHeaders) throws IOException {
        return exchange("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader() + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://" + hostHeader()
                + "\r\n" + extraHeaders, 60_000);
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        if (head.startsWith("http/1.1 101")) {
            return true;
        }
        int at = head.indexOf("content-length:");
        if (at >= 0) {
            int length = Integer.parseInt(head.substring(at + 15).split("\r\n")[0].strip());
            return text.length() - end - 4 >= length;
        }
        return false;
    }
}
