package io.kalpana.web.it;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.kalpana.store.MongoConnection;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceId;
import jakarta.inject.Inject;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test: server response times of the admin table's query with 5,000 workspaces of 50 people
 * in the embedded store, through HTTP ({@code GET /api/v1/admin/workspaces}, which runs the same
 * {@code WorkspaceDirectory} query as the console's lazy table). The documents are written straight into the
 * database, shaped as JNoSQL writes them, and removed again at the end. Run with {@code ./kalpana bench}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminTableBench {

    private static final int WORKSPACES = 5000;
    private static final int PEOPLE = 50;
    private static final int REQUESTS = 200;
    private static final String OWNER_PREFIX = "benchuser";
    private static final String[] SORTS = {"name", "owner", "status", "template", "createdAt", "updatedAt"};

    @Deployment
    static WebArchive deployment() {
        // Api too: the measuring method runs on the client, but its signature must resolve in the container as well.
        return KalpanaDeployment.builtWar().addClasses(AdminTableBench.class, KalpanaDeployment.class, Api.class, Api.Reply.class);
    }

    @Inject
    MongoConnection mongo;

    @ArquillianResource
    URL reported;

    @Test
    @Order(1)
    void insertFiveThousandWorkspacesOfFiftyPeople() {
        MongoCollection<Document> workspaces = mongo.database().getCollection(Workspace.COLLECTION);
        workspaces.deleteMany(Filters.regex("owner", "^" + OWNER_PREFIX));
        Random random = new Random(7);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < WORKSPACES; i++) {
            int roll = random.nextInt(100);
            String status = roll < 2 ? "RUNNING" : roll < 5 ? "ERROR" : "STOPPED";
            String name = "ws-" + Integer.toString(random.nextInt(1 << 20), 36) + "-" + i;
            Instant created = start.plusSeconds(random.nextInt(300 * 24 * 3600));
            batch.add(new Document("_id", WorkspaceId.generate().value()).append("name", name)
                    .append("nameKey", name.toLowerCase(Locale.ROOT))
                    .append("owner", String.format("%s%02d", OWNER_PREFIX, i % PEOPLE)).append("status", status)
                    .append("statusReason", "ERROR".equals(status) ? "bench" : null)
                    .append("template", List.of("blank", "java-maven", "node", "python").get(i % 4))
                    .append("repoUrl", null).append("nixConfig", null).append("containerId", null)
                    .append("idePort", null).append("bridgePort", null)
                    .append("createdAt", created.toString()).append("updatedAt", created.plusSeconds(60).toString())
                    .append("lastActivityAt", created.plusSeconds(60).toString()));
            if (batch.size() == 500) {
                workspaces.insertMany(batch);
                batch.clear();
            }
        }
        assertEquals(WORKSPACES, workspaces.countDocuments(Filters.regex("owner", "^" + OWNER_PREFIX)));
    }

    @Test
    @Order(2)
    @RunAsClient
    void measurePageSortAndFilterResponses() throws Exception {
        Api api = new Api(KalpanaDeployment.onLoopback(reported));
        String token = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        int present = api.get("/api/v1/admin/workspaces?owner=" + OWNER_PREFIX + "&limit=1", token).json().getInt("total");
        assertEquals(WORKSPACES, present, "the bench's workspaces must be in the database before anything is measured");
        Random random = new Random(11);
        IntFunction<String> page = i -> "sort=createdAt&order=desc&limit=25&offset=" + 25 * random.nextInt(WORKSPACES / 25);
        IntFunction<String> sort = i -> "sort=" + SORTS[i % SORTS.length] + "&order=" + (i % 2 == 0 ? "asc" : "desc")
                + "&limit=25&offset=" + 25 * random.nextInt(WORKSPACES / 25);
        IntFunction<String> filter = i -> switch (i % 3) {
            case 0 -> String.format("owner=%s%02d&limit=25", OWNER_PREFIX, random.nextInt(PEOPLE));
            case 1 -> "name=" + Integer.toString(random.nextInt(36 * 36), 36) + "&sort=name&limit=25";
            default -> "owner=" + OWNER_PREFIX + "&status=" + (random.nextBoolean() ? "RUNNING" : "ERROR") + "&limit=25";
        };
        run(api, token, page, 20);
        StringBuilder table = new StringBuilder("| request | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("{\"benchmark\":\"admin-table\",\"workspaces\":" + WORKSPACES
                + ",\"people\":" + PEOPLE + ",\"runs\":[");
        String[] names = {"page (newest first, random page)", "sort (6 columns x asc/desc, random page)",
                "filter (owner / name substring / status)"};
        List<IntFunction<String>> kinds = List.of(page, sort, filter);
        for (int k = 0; k < kinds.size(); k++) {
            long[] nanos = run(api, token, kinds.get(k), REQUESTS);
            Arrays.sort(nanos);
            double p50 = nanos[nanos.length / 2] / 1e6;
            double p95 = nanos[(int) (nanos.length * 0.95)] / 1e6;
            double max = nanos[nanos.length - 1] / 1e6;
            table.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", names[k], nanos.length, p50, p95, max));
            json.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"request\":\"%s\",\"n\":%d,\"p50Ms\":%.2f,\"p95Ms\":%.2f,\"maxMs\":%.2f}",
                    names[k].split(" ")[0], nanos.length, p50, p95, max));
        }
        json.append("]}");
        BenchSection.write("Admin table, " + WORKSPACES + " workspaces of " + PEOPLE
                + " people, embedded store, HTTP round trip on loopback", table);
        Path out = Path.of(System.getProperty("kalpana.test.dataDir", "target"), "bench-admin-table.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.println("written to " + out);
    }

    private static long[] run(Api api, String token, IntFunction<String> query, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            String q = query.apply(i);
            long before = System.nanoTime();
            Api.Reply reply = api.get("/api/v1/admin/workspaces?" + q, token);
            nanos[i] = System.nanoTime() - before;
            if (reply.status() != 200) {
                throw new IllegalStateException(q + " -> " + reply.status() + " " + reply.body());
            }
        }
        return nanos;
    }

    @Test
    @Order(3)
    void removeTheBenchWorkspaces() {
        mongo.database().getCollection(Workspace.COLLECTION).deleteMany(Filters.regex("owner", "^" + OWNER_PREFIX));
    }
}
