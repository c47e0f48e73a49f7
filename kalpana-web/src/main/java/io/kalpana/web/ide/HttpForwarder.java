package io.kalpana.web.ide;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange through the proxy: the request streams to code-server and the answer streams back, both
 * without being held in memory, so uploads, downloads and long polls work.
 */
@ApplicationScoped
public class HttpForwarder {

    private static final int BUFFER = 16 * 1024;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** Forwards the exchange; an {@link IOException} from the upstream side means code-server did not answer. */
    public void forward(HttpServletRequest request, HttpServletResponse response, IdePath path, IdeUpstream upstream,
                        String kalpanaSessionCookie) throws IOException, InterruptedException, UpstreamFailure {
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(upstream.uri(path.upstreamTarget()))
                .method(request.getMethod(), body(request));
        String connection = request.getHeader("Connection");
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (ForwardedHeaders.forwardsRequestHeader(name, value, connection)) {
                    addIfAllowed(outgoing, name, value);
                }
            }
        }
        ProxyRequestHeaders.forwarded(request).forEach(outgoing::header);
        outgoing.header("Cookie", ForwardedHeaders.upstreamCookies(request.getHeader("Cookie"), kalpanaSessionCookie,
                upstream.session()));
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(outgoing.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UpstreamFailure(e);
        }
        String prefix = path.browserPrefix(request.getContextPath());
        response.setStatus(answer.statusCode());
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            String name = header.getKey();
            if (ForwardedHeaders.forwardsResponseHeader(name)) {
                header.getValue().forEach(value -> response.addHeader(name, value));
            } else if (name.equalsIgnoreCase("Set-Cookie")) {
                header.getValue().forEach(value -> ForwardedHeaders.browserSetCookie(value, prefix, upstream.session())
                        .ifPresent(cookie -> response.addHeader("Set-Cookie", cookie)));
            } else if (name.equalsIgnoreCase("Location")) {
                response.setHeader("Location", ForwardedHeaders.browserLocation(header.getValue().get(0), prefix, upstream.origin()));
            }
        }
        answer.headers().firstValueAsLong("Content-Length").ifPresent(response::setContentLengthLong);
        try (InputStream in = answer.body()) {
            if (request.getMethod().equals("HEAD")) {
                return;
            }
            copy(in, response.getOutputStream());
        }
    }

    /** The JDK client refuses a few headers it sets itself, and values it cannot send; those stay behind. */
    private static void addIfAllowed(HttpRequest.Builder outgoing, String name, String value) {
        try {
            outgoing.header(name, value);
        } catch (IllegalArgumentException notSendable) {
            // dropped on purpose: a header the client owns or cannot encode
        }
    }

    private static HttpRequest.BodyPublisher body(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return request.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
    }

    /** Copies and flushes whenever code-server pauses, so streamed answers reach the browser as they come. */
    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            if (in.available() == 0) {
                out.flush();
            }
        }
        out.flush();
    }
}
