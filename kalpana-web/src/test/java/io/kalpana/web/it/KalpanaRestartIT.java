package io.kalpana.web.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kalpana as `./kalpana run` starts it (Payara Micro, embedded store in a data directory), killed with
 * SIGKILL and started again: data survives, and nothing is left behind by a start cut short.
 */
class KalpanaRestartIT {

    private static final String ADMIN_PASSWORD = "restart-test-password";

    private Process kalpana;
    private Path dataDir;
    private int port;

    private final List<String> workspaces = new java.util.ArrayList<>();

    @AfterEach
    void killKalpana() throws Exception {
        if (kalpana != null) {
            kalpana.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        for (String id : workspaces) {
            WorkspacesOnDockerIT.dockerStatus("rm", "-f", "kalpana-ws-" + id);
            WorkspacesOnDockerIT.dockerStatus("volume", "rm", "-f", "kalpana-ws-" + id);
        }
    }

    @Test
    void killedDuringAStartThenRestartedLeavesNoOrphanAndKeepsFiles() throws Exception {
        dataDir = Files.createTempDirectory(Path.of(System.getProperty("kalpana.test.artifacts", "target")).toAbsolutePath()
                .getParent(), "restart-data-");
        port = freePort();
        start();
        Api api = new Api(new URL("http://127.0.0.1:" + port + "/"));
        String admin = api.token("admin", ADMIN_PASSWORD);

        String keptId = api.post("/api/v1/workspaces", admin, "{\"name\":\"kept\"}").json().getString("id");
        workspaces.add(keptId);
        assertEquals("RUNNING", api.post("/api/v1/workspaces/" + keptId + "/start", admin, null).json().getString("status"));
        WorkspacesOnDockerIT.docker("exec", "-u", "1000", "kalpana-ws-" + keptId, "bash", "-c", "echo survives > /workspace/f.txt");
        api.post("/api/v1/workspaces/" + keptId + "/stop", admin, null);

        String cutId = api.post("/api/v1/workspaces", admin, "{\"name\":\"cut-short\"}").json().getString("id");
        workspaces.add(cutId);
        // Freeze the container the moment it starts, so its IDE can never answer and the start stays in flight.
        Process events = new ProcessBuilder("docker", "events", "--filter", "type=container", "--filter", "event=start",
                "--filter", "label=io.kalpana.workspace=" + cutId, "--format", "{{.ID}}").start();
        try {
            assertEquals(202, api.post("/api/v1/workspaces/" + cutId + "/start?async=true", admin, null).status());
            String containerId = new java.io.BufferedReader(new java.io.InputStreamReader(events.getInputStream())).readLine();
            WorkspacesOnDockerIT.docker("pause", containerId);
        } finally {
            events.destroyForcibly();
        }
        String admin1 = admin;
        waitUntil(() -> "STARTING".equals(api.get("/api/v1/workspaces/" + cutId, admin1).json().getString("status")),
                Duration.ofSeconds(30));
        kalpana.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        start();
        admin = api.token("admin", ADMIN_PASSWORD);
        String status = api.get("/api/v1/workspaces/" + cutId, admin).json().getString("status");
        assertEquals("STOPPED", status, "a start cut short by a crash is not left STARTING or RUNNING");
        assertNotEquals(0, WorkspacesOnDockerIT.dockerStatus("container", "inspect", "kalpana-ws-" + cutId), "no orphan container");
        assertEquals(0, leasesOf(cutId), "no leaked port lease");

        assertEquals("RUNNING", api.post("/api/v1/workspaces/" + keptId + "/start", admin, null).json().getString("status"));
        assertEquals("survives", WorkspacesOnDockerIT.docker("exec", "kalpana-ws-" + keptId, "cat", "/workspace/f.txt").strip(),
                "files written before the restart are still there");
        api.post("/api/v1/workspaces/" + keptId + "/stop", admin, null);
        assertEquals(204, api.send("DELETE", "/api/v1/workspaces/" + keptId, admin, null).status());
        assertEquals(204, api.send("DELETE", "/api/v1/workspaces/" + cutId, admin, null).status());
    }

    /** Leases as the admin's port map shows them. */
    private long leasesOf(String workspaceId) throws Exception {
        Api api = new Api(new URL("http://127.0.0.1:" + port + "/"));
        var map = api.get("/api/v1/admin/ports", api.token("admin", ADMIN_PASSWORD)).json().getJsonArray("leases");
        return map.stream().filter(lease -> lease.asJsonObject().getString("workspaceId").equals(workspaceId)).count();
    }

    private void start() throws Exception {
        Path micro = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
        Path war = Path.of(System.getProperty("kalpana.war", "target/kalpana.war"));
        File log = dataDir.resolve("payara-" + Instant.now().toEpochMilli() + ".log").toFile();
        kalpana = new ProcessBuilder(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx768m",
                "-Dkalpana.data.dir=" + dataDir, "-Dkalpana.admin.password=" + ADMIN_PASSWORD,
                "-Dkalpana.ports.range=45000-45999",
                "-jar", micro.toString(), "--deploy", war + ":/", "--port", Integer.toString(port), "--nocluster", "--nohazelcast"))
                .redirectErrorStream(true).redirectOutput(log).start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        waitUntil(() -> {
            try {
                // Payara answers UP with no checks while the application is still deploying: wait for ours.
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                return ready.statusCode() == 200 && ready.body().contains("\"store\"");
            } catch (IOException notYet) {
                return false;
            }
        }, Duration.ofSeconds(240));
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private void waitUntil(Check check, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (kalpana != null && !kalpana.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see the logs in " + dataDir);
            }
            if (check.holds()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("not within " + limit + "; logs in " + dataDir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
