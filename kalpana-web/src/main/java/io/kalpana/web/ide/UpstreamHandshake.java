package io.kalpana.web.ide;

import jakarta.servlet.http.HttpServletRequest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The WebSocket opening handshake with code-server on a plain socket, relaying the browser's key so that
 * code-server's answer is valid for the browser too; afterwards the socket carries the frames unchanged.
 */
final class UpstreamHandshake {

    /** An upstream answer head larger than this is not a WebSocket handshake code-server would send. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 15000;

    record Answer(int status, List<Map.Entry<String, String>> headers) {
    }

    private final Socket socket;
    private final InputStream in;

    private UpstreamHandshake(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    Socket socket() {
        return socket;
    }

    /** Reads from the socket including anything buffered beyond the handshake. */
    InputStream input() {
        return in;
    }

    static UpstreamHandshake connect(IdeUpstream upstream) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(upstream.host(), upstream.port()), CONNECT_TIMEOUT_MILLIS);
            return new UpstreamHandshake(socket, new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    Answer shake(HttpServletRequest request, IdePath path, IdeUpstream upstream, String kalpanaSessionCookie) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append("GET ").append(path.upstreamTarget()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(upstream.hostPort()).append("\r\n");
        head.append("Connection: Upgrade\r\nUpgrade: websocket\r\n");
        String connection = request.getHeader("Connection");
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (ForwardedHeaders.forwardsRequestHeader(name, value, connection)) {
                    line(head, name, value);
                }
            }
        }
        ProxyRequestHeaders.forwarded(request).forEach((name, value) -> line(head, name, value));
        line(head, "Cookie", ForwardedHeaders.upstreamCookies(request.getHeader("Cookie"), kalpanaSessionCookie,
                upstream.session()));
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
        Answer answer = readAnswer();
        socket.setSoTimeout(0);
        return answer;
    }

    private Answer readAnswer() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("code-server closed the connection during the WebSocket handshake");
            }
            bytes.write(b);
            if (bytes.size() > MAX_HEAD_BYTES) {
                throw new IOException("code-server's handshake answer exceeds " + MAX_HEAD_BYTES + " bytes");
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("code-server answered the WebSocket handshake with '" + lines[0] + "'");
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            throw new IOException("code-server answered the WebSocket handshake with '" + lines[0] + "'", e);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()));
            }
        }
        return new Answer(status, headers);
    }

    /** Header values come from the browser: a CR or LF in one would let it write its own headers. */
    private static void line(StringBuilder head, String name, String value) {
        if (name.chars().anyMatch(c -> c < 0x21 || c > 0x7e || c == ':')
                || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0 || c > 0xff)) {
            return;
        }
        head.append(name).append(": ").append(value).append("\r\n");
    }

    static boolean isWebSocketUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return "GET".equals(request.getMethod()) && upgrade != null
                && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }
}
