package io.kalpana.web.it;

import io.kalpana.runtime.DockerTestSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark, not a test: what the IDE proxy adds. A small GET (code-server's /healthz) straight to the published
 * IDE port against the same through /w/{id}/ide/ with a signed-in session, and a WebSocket echo round trip to a
 * dev server in the workspace through code-server's port proxy, straight against through Kalpana.
 * Interleaved in blocks; p50 and p99 of each. Run with {@code ./kalpana bench}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdeProxyBench {

    private static final int WARMUP = 300;
    private static final int REQUESTS = 3000;
    private static final int ROUND_TRIPS = 2000;
    private static final int BLOCK = 100;
    private static final int ECHO_PORT = WorkspaceEcho.PORT;
    private static final String PASSWORD = "bench-password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    @Test
    void measure() throws Exception {
        Api api = new Api(KalpanaDeployment.onLoopback(reported));
        ApiFixture fixture = new ApiFixture(api, PASSWORD);
        String name = fixture.person("bench");
        String token = api.token(name, PASSWORD);
        String id = fixture.workspace(token, "proxy-bench", "blank");
        try {
            Api.Reply started = api.post("/api/v1/workspaces/" + id + "/start", token, null);
            int idePort = started.json().getInt("idePort");
            PortalSession browser = new PortalSession(reported);
            if (browser.signIn(name, PASSWORD).statusCode() != 302) {
                throw new IllegalStateException("sign-in failed");
            }
            String kalpanaCookie = "JSESSIONID=" + browser.sessionId().orElseThrow();
            String codeServerCookie = codeServerCookie(idePort, idePassword(id));
            String direct = "http://127.0.0.1:" + idePort;
            String proxied = browser.base + "/w/" + id + "/ide";

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest directGet = HttpRequest.newBuilder(URI.create(direct + "/healthz")).build();
            HttpRequest proxiedGet = HttpRequest.newBuilder(URI.create(proxied + "/healthz")).header("Cookie", kalpanaCookie).build();
            for (int i = 0; i < WARMUP; i++) {
                get(http, directGet);
                get(http, proxiedGet);
            }
            long[] directHttp = new long[REQUESTS];
            long[] proxiedHttp = new long[REQUESTS];
            for (int done = 0; done < REQUESTS; done += BLOCK) {
                for (int i = done; i < done + BLOCK; i++) {
                    directHttp[i] = get(http, directGet);
                }
                for (int i = done; i < done + BLOCK; i++) {
                    proxiedHttp[i] = get(http, proxiedGet);
                }
            }

            WorkspaceEcho.start(id);
            Echo directEcho = Echo.open(http, "ws://127.0.0.1:" + idePort + "/proxy/" + ECHO_PORT + "/", codeServerCookie);
            Echo proxiedEcho = Echo.open(http, proxied.replace("http://", "ws://") + "/proxy/" + ECHO_PORT + "/", kalpanaCookie);
            for (int i = 0; i < WARMUP; i++) {
                directEcho.roundTrip();
                proxiedEcho.roundTrip();
            }
            long[] directWs = new long[ROUND_TRIPS];
            long[] proxiedWs = new long[ROUND_TRIPS];
            for (int done = 0; done < ROUND_TRIPS; done += BLOCK) {
                for (int i = done; i < done + BLOCK; i++) {
                    directWs[i] = directEcho.roundTrip();
                }
                for (int i = done; i < done + BLOCK; i++) {
                    proxiedWs[i] = proxiedEcho.roundTrip();
                }
            }

            String table = String.format(Locale.ROOT, "| path | n | p50 µs | p99 µs |%n|---|---|---|---|%n"
                            + "| GET /healthz direct to code-server | %d | %d | %d |%n"
                            + "| GET /healthz through /w/{id}/ide/ | %d | %d | %d |%n"
                            + "| WebSocket echo via code-server /proxy/%d/ direct | %d | %d | %d |%n"
                            + "| WebSocket echo through /w/{id}/ide/proxy/%d/ | %d | %d | %d |%n"
                            + "added by the proxy: HTTP p50 +%d µs, p99 +%d µs; WebSocket p50 +%d µs, p99 +%d µs%n",
                    REQUESTS, pct(directHttp, 50), pct(directHttp, 99), REQUESTS, pct(proxiedHttp, 50), pct(proxiedHttp, 99),
                    ECHO_PORT, ROUND_TRIPS, pct(directWs, 50), pct(directWs, 99),
                    ECHO_PORT, ROUND_TRIPS, pct(proxiedWs, 50), pct(proxiedWs, 99),
                    pct(proxiedHttp, 50) - pct(directHttp, 50), pct(proxiedHttp, 99) - pct(directHttp, 99),
                    pct(proxiedWs, 50) - pct(directWs, 50), pct(proxiedWs, 99) - pct(directWs, 99));
            BenchSection.write("IDE proxy latency", table);
            directEcho.close();
            proxiedEcho.close();
        } finally {
            fixture.removeWorkspaces();
        }
    }

    private static long get(HttpClient http, HttpRequest request) throws Exception {
        long before = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long micros = (System.nanoTime() - before) / 1000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return micros;
    }

    private static long pct(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static String idePassword(String id) throws Exception {
        return DockerTestSupport.docker("container", "inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", "kalpana-ws-" + id)
                .lines().filter(l -> l.startsWith("KALPANA_IDE_PASSWORD=")).findFirst().orElseThrow()
                .substring("KALPANA_IDE_PASSWORD=".length());
    }

    private static String codeServerCookie(int port, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String seen = "";
        for (int attempt = 0; attempt < 10; attempt++) {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("password="
                            + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            java.util.Optional<String> cookie = login.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("code-server-session=")).map(c -> c.split(";", 2)[0]).findFirst();
            if (cookie.isPresent()) {
                return cookie.get();
            }
            seen = login.statusCode() + " " + login.headers().map();
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException("no code-server session: " + seen);
    }

    /** One WebSocket to the echo server, one message in flight at a time. */
    private static final class Echo implements WebSocket.Listener {

        private final AtomicReference<CompletableFuture<String>> pending = new AtomicReference<>();
        private final StringBuilder text = new StringBuilder();
        private WebSocket socket;

        static Echo open(HttpClient http, String uri, String cookie) throws Exception {
            Echo echo = new Echo();
            echo.socket = http.newWebSocketBuilder().header("Cookie", cookie).connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(uri), echo).get(60, TimeUnit.SECONDS);
            return echo;
        }

        long roundTrip() throws Exception {
            CompletableFuture<String> answer = new CompletableFuture<>();
            pending.set(answer);
            long before = System.nanoTime();
            socket.sendText("ping-0123456789", true).get(10, TimeUnit.SECONDS);
            String echoed = answer.get(10, TimeUnit.SECONDS);
            long micros = (System.nanoTime() - before) / 1000;
            if (!echoed.equals("ping-0123456789")) {
                throw new IllegalStateException("echo answered " + echoed);
            }
            return micros;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                pending.get().complete(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
