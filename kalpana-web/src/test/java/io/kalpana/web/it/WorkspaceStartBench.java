package io.kalpana.web.it;

import io.kalpana.runtime.DockerTestSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Benchmark, not a test: create→IDE-ready through Kalpana's API (one request, as the portal's Create does it; and as
 * create, then start) against a raw {@code docker run} of the same
 * image to {@code /healthz}, interleaved after 300 untimed create/read/delete requests and 3 untimed rounds
 * (kalpana.bench.start.warmUpRequests, kalpana.bench.start.warmUps), median of 7 each
 * (kalpana.bench.start.runs), once bare and once with the
 * container settings Kalpana uses, so that what Kalpana adds shows apart from what the settings cost. Run with {@code ./kalpana bench}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkspaceStartBench {

    private static final int RUNS = Integer.getInteger("kalpana.bench.start.runs", 7);
    private static final String IMAGE = System.getProperty("kalpana.workspace.image", "kalpana-workspace:0.1.0");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    @Test
    void measure() throws Exception {
        Api api = new Api(KalpanaDeployment.onLoopback(reported));
        String admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        warmUp(api, admin);
        // The JIT compiles what the warm-up made hot on background threads for a while after it: not measured.
        Thread.sleep(AFTER_WARM_UP_MILLIS);
        double loadBefore = MachineLoad.settle();
        List<Long> kalpana = new ArrayList<>();
        List<Long> twoRequests = new ArrayList<>();
        List<Long> createOnly = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        List<Long> rawAlike = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Round round = round(api, admin);
            kalpana.add(round.kalpana());
            twoRequests.add(round.twoRequests());
            createOnly.add(round.createRequest());
            warm.add(round.warmStart());
            raw.add(round.raw());
            rawAlike.add(round.rawAlike());
        }
        double loadAfter = MachineLoad.now();
        long kalpanaMedian = median(kalpana);
        long twoRequestsMedian = median(twoRequests);
        long rawMedian = median(raw);
        long alikeMedian = median(rawAlike);
        String table = String.format(Locale.ROOT, "| path | runs (ms) | median ms |%n|---|---|---|%n"
                        + "| Kalpana create with start (the portal's Create, API ?start=true) → IDE ready | %s | %d |%n"
                        + "| Kalpana API create, then start: two requests → IDE ready | %s | %d |%n"
                        + "| of those, the create request | %s | %d |%n"
                        + "| warm start (stopped workspace, volume kept) → IDE ready | %s | %d |%n"
                        + "| raw docker run → /healthz | %s | %d |%n"
                        + "| raw docker run with Kalpana's volume, limits and dropped capabilities → /healthz | %s | %d |%n"
                        + "ratio %.2f against the bare docker run (goal ≤ 1.15); %.2f against the same container settings;"
                        + " two requests: %.2f and %.2f; load average %.1f before, %.1f after%n",
                kalpana, kalpanaMedian, twoRequests, twoRequestsMedian, createOnly, median(createOnly), warm, median(warm),
                raw, rawMedian, rawAlike, alikeMedian, (double) kalpanaMedian / rawMedian, (double) kalpanaMedian / alikeMedian,
                (double) twoRequestsMedian / rawMedian, (double) twoRequestsMedian / alikeMedian, loadBefore, loadAfter);
        BenchSection.write("Workspace start", table);
        Path out = Path.of(System.getProperty("kalpana.test.dataDir", "target"), "bench-workspace-start.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT,
                "{\"benchmark\":\"workspace-start\",\"kalpanaMs\":%s,\"twoRequestsMs\":%s,\"createRequestMs\":%s,"
                        + "\"warmStartMs\":%s,\"rawDockerMs\":%s,\"rawDockerSameSettingsMs\":%s,\"kalpanaMedianMs\":%d,"
                        + "\"twoRequestsMedianMs\":%d,\"rawMedianMs\":%d,\"rawSameSettingsMedianMs\":%d,"
                        + "\"loadAverageBefore\":%.2f,\"loadAverageAfter\":%.2f}",
                kalpana, twoRequests, createOnly, warm, raw, rawAlike, kalpanaMedian, twoRequestsMedian, rawMedian, alikeMedian,
                loadBefore, loadAfter));
        System.out.println("written to " + out);
    }

    /**
     * Untimed rounds first, as a server that has been up for a while has them behind it: the request path compiled by
     * the JIT, the Docker client's connections open. The raw runs get theirs too (the engine's caches).
     */
    private static void warmUp(Api api, String admin) throws Exception {
        // A server in use has answered thousands of requests; a fresh one runs its request path interpreted.
        for (int request = 0; request < WARM_UP_REQUESTS; request++) {
            String id = api.post("/api/v1/workspaces", admin, "{\"name\":\"warm-up-" + UUID.randomUUID() + "\"}").json().getString("id");
            api.get("/api/v1/workspaces/" + id, admin);
            api.get("/api/v1/workspaces", admin);
            api.send("DELETE", "/api/v1/workspaces/" + id, admin, null);
        }
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            round(api, admin);
        }
    }

    /**
     * One round's times in ms: Kalpana's create with start (one request, as the portal does it), its create-then-start
     * (two API requests) and of that the create request, a warm start, and both raw runs.
     */
    private record Round(long kalpana, long twoRequests, long createRequest, long warmStart, long raw, long rawAlike) {
    }

    private static Round round(Api api, String admin) throws Exception {
        quietEngine();
        long before = System.nanoTime();
        Api.Reply created = expect(201, "create with start",
                api.post("/api/v1/workspaces?start=true", admin, "{\"name\":\"bench-" + UUID.randomUUID() + "\"}"));
        long kalpana = (System.nanoTime() - before) / 1_000_000;
        String id = created.json().getString("id");
        api.post("/api/v1/workspaces/" + id + "/stop", admin, null);
        quietEngine();
        long stopped = System.nanoTime();
        expect(200, "warm start", api.post("/api/v1/workspaces/" + id + "/start", admin, null));
        long warm = (System.nanoTime() - stopped) / 1_000_000;
        api.removeWorkspace(id, admin);

        quietEngine();
        before = System.nanoTime();
        String second = api.post("/api/v1/workspaces", admin, "{\"name\":\"bench-" + UUID.randomUUID() + "\"}").json().getString("id");
        long createRequest = (System.nanoTime() - before) / 1_000_000;
        expect(200, "start", api.post("/api/v1/workspaces/" + second + "/start", admin, null));
        long twoRequests = (System.nanoTime() - before) / 1_000_000;
        api.removeWorkspace(second, admin);

        quietEngine();
        long raw = rawDockerRun(List.of());
        quietEngine();
        long rawAlike = rawDockerRun(KALPANA_CONTAINER_SETTINGS);
        return new Round(kalpana, twoRequests, createRequest, warm, raw, rawAlike);
    }

    /** A round with a failed start measures nothing: it ends the benchmark with the answer. */
    private static Api.Reply expect(int status, String what, Api.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " failed: " + reply.body());
        }
        return reply;
    }

    /**
     * Each timed start begins after the same pause: the engine and kernel go on tearing down the container removed just
     * before (network, cgroup, mounts) for a while after {@code docker rm} returns, and whichever start came next paid.
     */
    private static void quietEngine() throws InterruptedException {
        Thread.sleep(PAUSE_MILLIS);
    }

    private static final long AFTER_WARM_UP_MILLIS = 30_000;

    private static final long PAUSE_MILLIS = Long.getLong("kalpana.bench.start.pauseMillis", 2000);

    private static final int WARM_UP_ROUNDS = Integer.getInteger("kalpana.bench.start.warmUps", 3);
    private static final int WARM_UP_REQUESTS = Integer.getInteger("kalpana.bench.start.warmUpRequests", 300);

    /** What the Docker runtime adds to the image's own settings, as {@code docker run} options (and the bridge port). */
    private static final List<String> KALPANA_CONTAINER_SETTINGS = List.of("--memory", "2g", "--memory-swap", "2g",
            "--cpus", "2", "--pids-limit", "1024", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
            "--user", "1000");

    /** The same image with the same environment the runtime passes, straight from the Docker CLI. */
    private static long rawDockerRun(List<String> settings) throws Exception {
        int port = freePort();
        String name = "kalpana-bench-raw-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> command = new ArrayList<>(List.of("run", "-d", "--name", name, "-p", "127.0.0.1:" + port + ":8080",
                "-e", "KALPANA_IDE_PASSWORD=" + UUID.randomUUID(), "-e", "KALPANA_BRIDGE_TOKEN=" + UUID.randomUUID()));
        if (!settings.isEmpty()) {
            command.addAll(settings);
            command.addAll(List.of("-v", name + ":/workspace", "-p", "127.0.0.1:" + freePort() + ":3001"));
        }
        command.add(IMAGE);
        long before = System.nanoTime();
        DockerTestSupport.docker(command.toArray(String[]::new));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        try {
            while (true) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - before) / 1_000_000;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() - before > Duration.ofMinutes(2).toNanos()) {
                    throw new IllegalStateException("raw container never answered /healthz");
                }
                Thread.sleep(25);
            }
        } finally {
            DockerTestSupport.dockerStatus("rm", "-f", "-v", name);
            if (!settings.isEmpty()) {
                DockerTestSupport.dockerStatus("volume", "rm", "-f", name);
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
