package io.kalpana.web.admin;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceDirectory;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the console's lazy table hands the database for PrimeFaces' page, sort and filters, and what it does with bad ones. */
class AdminWorkspacesModelTest {

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private MongoClient client;
    private final List<KalpanaException> complaints = new ArrayList<>();
    private AdminWorkspacesModel model;

    @BeforeEach
    void thirtyWorkspacesOfThreePeople() {
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort() + "/?retryWrites=false");
        WorkspaceDirectory directory = new WorkspaceDirectory(() -> client.getDatabase("kalpana"));
        model = new AdminWorkspacesModel(() -> directory, complaints::add);
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 30; i++) {
            String name = "w" + String.format("%02d", i);
            client.getDatabase("kalpana").getCollection("workspaces").insertOne(new Document("_id", String.format("id%010d", i))
                    .append("name", name).append("nameKey", name).append("owner", "u" + (i % 3))
                    .append("status", i % 5 == 0 ? "RUNNING" : "STOPPED").append("statusReason", null)
                    .append("template", "blank").append("idePort", null).append("bridgePort", null)
                    .append("createdAt", base.plusSeconds(i).toString()).append("updatedAt", base.plusSeconds(i).toString()));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static Map<String, SortMeta> sort(String field, SortOrder order) {
        return Map.of(field, SortMeta.builder().field(field).order(order).build());
    }

    private static Map<String, FilterMeta> filter(String field, Object value) {
        return Map.of(field, FilterMeta.builder().field(field).filterValue(value).build());
    }

    @Test
    void pageSortAndFilterReachTheDatabase() {
        assertEquals(10, model.count(filter("owner", "U1")));
        List<WorkspaceRowView> page = model.load(3, 4, sort("name", SortOrder.DESCENDING), filter("owner", "u1"));
        assertEquals(List.of("w19", "w16", "w13", "w10"), page.stream().map(WorkspaceRowView::getName).toList());
        assertTrue(page.stream().allMatch(row -> row.getOwner().equals("u1")));

        List<WorkspaceRowView> newest = model.load(0, 2, Map.of(), Map.of());
        assertEquals(List.of("w29", "w28"), newest.stream().map(WorkspaceRowView::getName).toList(), "default: newest first");
        assertEquals(6, model.count(filter("status", "RUNNING")));
        assertEquals(30, model.count(filter("status", "")), "'any' status is no filter");
        assertEquals(List.of(), complaints);
    }

    @Test
    void aBadSortFieldEmptiesThePageWithAClearMessageInsteadOfFailing() {
        List<WorkspaceRowView> page = model.load(0, 10, sort("passwordHash", SortOrder.ASCENDING), Map.of());
        assertEquals(List.of(), page);
        assertEquals(1, complaints.size());
        assertEquals("unknown_sort_field", complaints.get(0).code());
        assertTrue(complaints.get(0).getMessage().contains("passwordHash"), complaints.get(0).getMessage());
    }

    @Test
    void badFilterInputEmptiesThePageWithAClearMessage() {
        assertEquals(0, model.count(filter("status", "sleeping")));
        assertEquals(List.of(), model.load(0, 10, Map.of(), filter("owner", "x".repeat(500))));
        assertEquals(List.of("unknown_status", "filter_too_long"), complaints.stream().map(KalpanaException::code).toList());
        assertEquals(0, model.count(filter("name", "(*")), "regex characters are text, not a crash");
        assertEquals(2, complaints.size());
    }

    @Test
    void oversizedOrNegativeWindowsAreClampedNotRefused() {
        assertEquals(30, model.load(-5, 100_000, Map.of(), Map.of()).size());
        assertEquals(List.of(), complaints);
    }
}
