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
 * Benchmark, not a test: create→IDE-ready through Kalpana's API against a raw {@code docker run} of the same
 * image to {@code /healthz}, interleaved, median of 5 each. Run with {@code ./kalpana bench}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkspaceStartBench {

    private static final int RUNS = 5;
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
        List<Long> kalpana = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long before = System.nanoTime();
            String id = api.post("/api/v1/workspaces", admin, "{\"name\":\"bench-" + UUID.randomUUID() + "\"}").json().getString("id");
            Api.Reply started = api.post("/api/v1/workspaces/" + id + "/start", admin, null);
            kalpana.add((System.nanoTime() - before) / 1_000_000);
            if (started.status() != 200) {
                throw new IllegalStateException("start failed: " + started.body());
            }
            api.removeWorkspace(id, admin);
            raw.add(rawDockerRun());
        }
        long kalpanaMedian = median(kalpana);
        long rawMedian = median(raw);
        String table = String.format(Locale.ROOT, "| path | runs (ms) | median ms |%n|---|---|---|%n"
                        + "| Kalpana API create+start → IDE ready | %s | %d |%n| raw docker run → /healthz | %s | %d |%n"
                        + "ratio %.2f (goal ≤ 1.15)%n", kalpana, kalpanaMedian, raw, rawMedian, (double) kalpanaMedian / rawMedian);
        System.out.println("\nWorkspace start:\n" + table);
        Path out = Path.of(System.getProperty("kalpana.test.dataDir", "target"), "bench-workspace-start.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT,
                "{\"benchmark\":\"workspace-start\",\"kalpanaMs\":%s,\"rawDockerMs\":%s,\"kalpanaMedianMs\":%d,\"rawMedianMs\":%d}",
                kalpana, raw, kalpanaMedian, rawMedian));
        System.out.println("written to " + out);
    }

    /** The same image with the same environment the runtime passes, straight from the Docker CLI. */
    private static long rawDockerRun() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String name = "kalpana-bench-raw-" + UUID.randomUUID().toString().substring(0, 8);
        long before = System.nanoTime();
        DockerTestSupport.docker("run", "-d", "--name", name, "-p", "127.0.0.1:" + port + ":8080",
                "-e", "KALPANA_IDE_PASSWORD=" + UUID.randomUUID(), "-e", "KALPANA_BRIDGE_TOKEN=" + UUID.randomUUID(), IMAGE);
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
                Thread.sleep(50);
            }
        } finally {
            DockerTestSupport.dockerStatus("rm", "-f", name);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
