package io.kalpana.web.it;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault: Kalpana's MongoDB (configured by URI, as in production) is gone for 30 s. Every request meanwhile is a
 * 503 with a message, nothing half-written is left, and Kalpana serves again once the database is back, without
 * being restarted.
 */
class DatabaseOutageIT {

    private static final String ADMIN_PASSWORD = "outage-test-password";
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private KalpanaProcess kalpana;
    private MongoServer database;

    @AfterEach
    void stop() throws Exception {
        if (kalpana != null) {
            kalpana.kill();
        }
        if (database != null) {
            database.shutdownNow();
        }
    }

    @Test
    void requestsFailWith503WhileTheDatabaseIsGoneAndSucceedOnceItIsBack() throws Exception {
        Path dataDir = TestData.newDirectory("outage-data-");
        Path store = dataDir.resolve("mongo.mv");
        database = new MongoServer(new H2Backend(store.toString()));
        int mongoPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            mongoPort = probe.getLocalPort();
        }
        database.bind("127.0.0.1", mongoPort);
        kalpana = new KalpanaProcess(dataDir, List.of("-Dkalpana.admin.password=" + ADMIN_PASSWORD,
                "-Dkalpana.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/?retryWrites=false",
                "-Dkalpana.ports.range=44000-44999"));
        kalpana.start();
        Api api = new Api(kalpana.url());
        String admin = api.token("admin", ADMIN_PASSWORD);
        assertEquals(201, api.post("/api/v1/workspaces", admin, "{\"name\":\"before\"}").status());

        database.shutdownNow();
        long outageStarted = System.nanoTime();
        List<String> refusedNames = new ArrayList<>();
        int requests = 0;
        while (System.nanoTime() - outageStarted < OUTAGE.toNanos()) {
            String name = "during-" + requests;
            Api.Reply created = api.post("/api/v1/workspaces", admin, "{\"name\":\"" + name + "\"}");
            Api.Reply listed = api.get("/api/v1/workspaces", admin);
            Api.Reply ready = api.get("/health/ready", null);
            assertEquals(503, created.status(), created.body());
            assertEquals("store_unavailable", created.error(), created.body());
            assertTrue(created.json().getString("message").contains("database"), created.body());
            assertEquals(503, listed.status(), listed.body());
            assertEquals(503, ready.status(), ready.body());
            refusedNames.add(name);
            requests++;
        }
        assertTrue(requests >= 2, "requests were answered during the outage, not hung: " + requests);

        database = new MongoServer(new H2Backend(store.toString()));
        database.bind("127.0.0.1", mongoPort);
        kalpana.waitUntil(() -> api.get("/api/v1/workspaces", admin).status() == 200, Duration.ofSeconds(60));

        String names = api.get("/api/v1/workspaces", admin).body();
        assertTrue(names.contains("\"before\""), "what was there before the outage is still there: " + names);
        for (String refused : refusedNames) {
            assertFalse(names.contains("\"" + refused + "\""), "a refused create left nothing behind: " + refused);
        }
        assertEquals(201, api.post("/api/v1/workspaces", admin, "{\"name\":\"after\"}").status(), "Kalpana serves again");
        assertEquals(200, api.get("/health/ready", null).status());
    }
}
