package io.kalpana.web.it;

import io.kalpana.runtime.DockerTestSupport;
import io.kalpana.runtime.EngineRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kalpana as `./kalpana run` starts it (Payara Micro, embedded store in a data directory), killed with
 * SIGKILL and started again: data survives, and nothing is left behind by a start, a stop or a delete cut short.
 * A stop or delete is caught in the middle by giving Kalpana the engine through an {@link EngineRelay} that holds
 * back the one engine call the test names (the container's or the volume's removal), as a hung engine would.
 */
class KalpanaRestartIT {

    private static final String ADMIN_PASSWORD = "restart-test-password";

    private KalpanaProcess kalpana;
    private Path dataDir;
    private int port;

    private final List<String> workspaces = new java.util.ArrayList<>();

    private EngineRelay relay;

    @AfterEach
    void killKalpana() throws Exception {
        if (kalpana != null) {
            kalpana.kill();
        }
        if (relay != null) {
            relay.close();
        }
        for (String id : workspaces) {
            DockerTestSupport.dockerStatus("rm", "-f", "kalpana-ws-" + id);
            DockerTestSupport.dockerStatus("volume", "rm", "-f", "kalpana-ws-" + id);
        }
    }

    @Test
    void killedDuringAStartThenRestartedLeavesNoOrphanAndKeepsFiles() throws Exception {
        Api api = startKalpana(List.of());
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

    @Test
    void killedDuringAStopAndADeleteThenRestartedFinishesBothAndKeepsTheStoppedFiles() throws Exception {
        relay = EngineRelay.open(0);
        Api api = startKalpana(List.of("-Dkalpana.docker.host=" + relay.dockerHost()));
        String admin = api.token("admin", ADMIN_PASSWORD);

        String stoppedId = api.post("/api/v1/workspaces", admin, "{\"name\":\"stopped-mid-way\"}").json().getString("id");
        workspaces.add(stoppedId);
        assertEquals("RUNNING", api.post("/api/v1/workspaces/" + stoppedId + "/start", admin, null).json().getString("status"));
        DockerTestSupport.docker("exec", "-u", "1000", "kalpana-ws-" + stoppedId, "bash", "-c", "echo survives > /workspace/f.txt");
        String deletedId = api.post("/api/v1/workspaces", admin, "{\"name\":\"deleted-mid-way\"}").json().getString("id");
        workspaces.add(deletedId);
        assertEquals("RUNNING", api.post("/api/v1/workspaces/" + deletedId + "/start", admin, null).json().getString("status"));
        assertEquals("STOPPED", api.post("/api/v1/workspaces/" + deletedId + "/stop", admin, null).json().getString("status"));

        ExecutorService callers = Executors.newCachedThreadPool();
        try {
            relay.hold(request -> request.startsWith("DELETE ") && firstLine(request).contains("/containers/kalpana-ws-" + stoppedId));
            String token = admin;
            callers.submit(() -> api.post("/api/v1/workspaces/" + stoppedId + "/stop", token, null));
            relay.awaitHeld(Duration.ofSeconds(60));
            assertEquals("STOPPING", api.get("/api/v1/workspaces/" + stoppedId, admin).json().getString("status"));

            relay.hold(request -> request.startsWith("DELETE ") && firstLine(request).contains("/volumes/kalpana-ws-" + deletedId));
            callers.submit(() -> api.send("DELETE", "/api/v1/workspaces/" + deletedId, token, null));
            relay.awaitHeld(Duration.ofSeconds(60));
            assertEquals("STOPPING", api.get("/api/v1/workspaces/" + deletedId, admin).json().getString("status"));

            kalpana.kill();
        } finally {
            callers.shutdownNow();
        }
        relay.hold(request -> false);
        assertEquals(0, DockerTestSupport.dockerStatus("container", "inspect", "kalpana-ws-" + stoppedId),
                "the held stop never reached the engine: its container still runs when Kalpana comes back");

        kalpana.start();
        admin = api.token("admin", ADMIN_PASSWORD);
        var stopped = api.get("/api/v1/workspaces/" + stoppedId, admin).json();
        assertEquals("STOPPED", stopped.getString("status"), "a stop cut short by a crash ends stopped");
        assertNotEquals(0, DockerTestSupport.dockerStatus("container", "inspect", "kalpana-ws-" + stoppedId), "no orphan container");
        assertEquals(0, leasesOf(stoppedId), "no leaked port lease");
        assertEquals(404, api.get("/api/v1/workspaces/" + deletedId, admin).status(), "a delete cut short by a crash is finished");
        assertNotEquals(0, DockerTestSupport.dockerStatus("volume", "inspect", "kalpana-ws-" + deletedId),
                "the deleted workspace's volume is gone");
        assertEquals(0, leasesOf(deletedId), "no leaked port lease");
        Api.Reply all = api.get("/api/v1/admin/workspaces?limit=100", admin);
        assertEquals(200, all.status(), all.body());
        String everyone = all.body();
        assertTrue(everyone.contains(stoppedId), everyone);
        assertFalse(everyone.contains("\"STARTING\"") || everyone.contains("\"STOPPING\""), "nothing stuck half-way: " + everyone);

        assertEquals("RUNNING", api.post("/api/v1/workspaces/" + stoppedId + "/start", admin, null).json().getString("status"));
        assertEquals("survives", DockerTestSupport.docker("exec", "kalpana-ws-" + stoppedId, "cat", "/workspace/f.txt").strip(),
                "files written before the stop that was cut short are still there");
        api.post("/api/v1/workspaces/" + stoppedId + "/stop", admin, null);
        assertEquals(204, api.send("DELETE", "/api/v1/workspaces/" + stoppedId, admin, null).status());
    }

    /** Starts Kalpana on a new data directory with this build's workspace ports and {@code options}. */
    private Api startKalpana(List<String> options) throws Exception {
        dataDir = TestData.newDirectory("restart-data-");
        List<String> all = new java.util.ArrayList<>(List.of("-Dkalpana.admin.password=" + ADMIN_PASSWORD,
                "-Dkalpana.ports.range=" + System.getProperty("kalpana.test.portRange", "46000-46999")));
        all.addAll(options);
        kalpana = new KalpanaProcess(dataDir, all);
        port = kalpana.port();
        kalpana.start();
        return new Api(new URL("http://127.0.0.1:" + port + "/"));
    }

    private static String firstLine(String request) {
        int end = request.indexOf("\r\n");
        return end < 0 ? request : request.substring(0, end);
    }

    /** Leases as the admin's port map shows them. */
    private long leasesOf(String workspaceId) throws Exception {
        Api api = new Api(new URL("http://127.0.0.1:" + port + "/"));
        var map = api.get("/api/v1/admin/ports", api.token("admin", ADMIN_PASSWORD)).json().getJsonArray("leases");
        return map.stream().filter(lease -> lease.asJsonObject().getString("workspaceId").equals(workspaceId)).count();
    }
}
