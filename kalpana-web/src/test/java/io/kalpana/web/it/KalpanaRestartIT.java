package io.kalpana.web.it;

import io.kalpana.runtime.DockerTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kalpana as `./kalpana run` starts it (Payara Micro, embedded store in a data directory), killed with
 * SIGKILL and started again: data survives, and nothing is left behind by a start cut short.
 */
class KalpanaRestartIT {

    private static final String ADMIN_PASSWORD = "restart-test-password";

    private KalpanaProcess kalpana;
    private Path dataDir;
    private int port;

    private final List<String> workspaces = new java.util.ArrayList<>();

    @AfterEach
    void killKalpana() throws Exception {
        if (kalpana != null) {
            kalpana.kill();
        }
        for (String id : workspaces) {
            DockerTestSupport.dockerStatus("rm", "-f", "kalpana-ws-" + id);
            DockerTestSupport.dockerStatus("volume", "rm", "-f", "kalpana-ws-" + id);
        }
    }

    @Test
    void killedDuringAStartThenRestartedLeavesNoOrphanAndKeepsFiles() throws Exception {
        dataDir = Files.createTempDirectory(Path.of(System.getProperty("kalpana.test.artifacts", "target")).toAbsolutePath()
                .getParent(), "restart-data-");
        kalpana = new KalpanaProcess(dataDir, List.of("-Dkalpana.admin.password=" + ADMIN_PASSWORD,
                "-Dkalpana.ports.range=45000-45999"));
        port = kalpana.port();
        kalpana.start();
        Api api = new Api(new URL("http://127.0.0.1:" + port + "/"));
        String admin = api.token("admin", ADMIN_PASSWORD);

        String keptId = api.post("/api/v1/workspaces", admin, "{\"name\":\"kept\"}").json().getString("id");
        workspaces.add(keptId);
        assertEquals("RUNNING", api.post("/api/v1/workspaces/" + keptId + "/start", admin, null).json().getString("status"));
        DockerTestSupport.docker("exec", "-u", "1000", "kalpana-ws-" + keptId, "bash", "-c", "echo survives > /workspace/f.txt");
        api.post("/api/v1/workspaces/" + keptId + "/stop", admin, null);

        String cutId = api.post("/api/v1/workspaces", admin, "{\"name\":\"cut-short\"}").json().getString("id");
        workspaces.add(cutId);
        // Freeze the container the moment it starts, so its IDE can never answer and the start stays in flight.
        Process events = new ProcessBuilder("docker", "events", "--filter", "type=container", "--filter", "event=start",
                "--filter", "label=io.kalpana.workspace=" + cutId, "--format", "{{.ID}}").start();
        try {
            assertEquals(202, api.post("/api/v1/workspaces/" + cutId + "/start?async=true", admin, null).status());
            String containerId = new java.io.BufferedReader(new java.io.InputStreamReader(events.getInputStream())).readLine();
            DockerTestSupport.docker("pause", containerId);
        } finally {
            events.destroyForcibly();
        }
        String admin1 = admin;
        kalpana.waitUntil(() -> "STARTING".equals(api.get("/api/v1/workspaces/" + cutId, admin1).json().getString("status")),
                Duration.ofSeconds(30));
        kalpana.kill();

        kalpana.start();
        admin = api.token("admin", ADMIN_PASSWORD);
        String status = api.get("/api/v1/workspaces/" + cutId, admin).json().getString("status");
        assertEquals("STOPPED", status, "a start cut short by a crash is not left STARTING or RUNNING");
        assertNotEquals(0, DockerTestSupport.dockerStatus("container", "inspect", "kalpana-ws-" + cutId), "no orphan container");
        assertEquals(0, leasesOf(cutId), "no leaked port lease");

        assertEquals("RUNNING", api.post("/api/v1/workspaces/" + keptId + "/start", admin, null).json().getString("status"));
        assertEquals("survives", DockerTestSupport.docker("exec", "kalpana-ws-" + keptId, "cat", "/workspace/f.txt").strip(),
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
}
