package io.kalpana.workspace;

import io.kalpana.problem.KalpanaException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin table's query against an in-process MongoDB holding documents shaped as JNoSQL writes them. */
class WorkspaceDirectoryTest {

    private static final WorkspaceStatus[] CYCLE = {WorkspaceStatus.STOPPED, WorkspaceStatus.RUNNING, WorkspaceStatus.ERROR};

    private final WorkspaceDocuments documents = new WorkspaceDocuments();
    private final WorkspaceDirectory directory = new WorkspaceDirectory(documents::database);
    private final List<Document> inserted = new ArrayList<>();

    @BeforeEach
    void insertSixtyWorkspacesOfSixPeople() {
        Instant base = Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < 60; i++) {
            String owner = "user" + (i % 6);
            String name = (i % 10 == 0 ? "Shop." : "app-") + String.format("%02d", i);
            Document document = new Document("_id", String.format("ws%010d", i))
                    .append("name", name).append("nameKey", name.toLowerCase())
                    .append("owner", owner).append("status", CYCLE[i % 3].name()).append("statusReason", null)
                    .append("template", i % 2 == 0 ? "blank" : "node")
                    .append("idePort", CYCLE[i % 3] == WorkspaceStatus.RUNNING ? 40000 + 2 * i : null)
                    .append("bridgePort", CYCLE[i % 3] == WorkspaceStatus.RUNNING ? 40001 + 2 * i : null)
                    .append("createdAt", base.plusSeconds(60L * ((i * 37) % 60)).toString())
                    .append("updatedAt", base.plusSeconds(60L * i).toString());
            documents.collection().insertOne(document);
            inserted.add(document);
        }
    }

    @AfterEach
    void tearDown() {
        documents.close();
    }

    private WorkspaceQuery query(String owner, String name, WorkspaceStatus status, WorkspaceSortField sort,
                                 boolean descending, int offset, int limit) {
        return new WorkspaceQuery(Optional.ofNullable(owner), Optional.ofNullable(name), Optional.ofNullable(status),
                sort, descending, offset, limit);
    }

    @Test
    void pagesCoverEveryRowOnceInTheRequestedOrder() {
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 60; offset += 25) {
            WorkspacePage page = directory.find(query(null, null, null, WorkspaceSortField.CREATED, true, offset, 25));
            assertEquals(60, page.total());
            page.rows().forEach(row -> seen.add(row.createdAt() + " " + row.id().value()));
        }
        assertEquals(60, seen.size());
        assertEquals(60, new HashSet<>(seen).size(), "no row twice across pages");
        List<String> createdOnly = seen.stream().map(s -> s.substring(0, 20)).toList();
        List<String> sortedCreated = new ArrayList<>(createdOnly);
        sortedCreated.sort(Comparator.reverseOrder());
        assertEquals(sortedCreated, createdOnly, "newest first across all pages");
    }

    @Test
    void ownerSortPutsTiesInIdOrderSoPagesDoNotOverlap() {
        List<WorkspaceRow> first = directory.rows(query(null, null, null, WorkspaceSortField.OWNER, false, 0, 7));
        List<WorkspaceRow> second = directory.rows(query(null, null, null, WorkspaceSortField.OWNER, false, 7, 7));
        assertEquals(List.of("user0"), first.stream().map(r -> r.owner().value()).distinct().toList(),
                "10 workspaces each: the first 7 are all user0's");
        assertEquals("user0", second.get(0).owner().value());
        assertEquals("user1", second.get(3).owner().value());
        Set<String> ids = new HashSet<>();
        first.forEach(r -> ids.add(r.id().value()));
        second.forEach(r -> assertTrue(ids.add(r.id().value()), "row repeated on the next page"));
        assertTrue(first.get(0).id().value().compareTo(first.get(1).id().value()) < 0, "ties ordered by id");
    }

    @Test
    void nameSortIgnoresCaseAndFollowsTheDirection() {
        List<String> ascending = directory.rows(query(null, null, null, WorkspaceSortField.NAME, false, 0, 60))
                .stream().map(WorkspaceRow::name).toList();
        List<String> sorted = new ArrayList<>(ascending);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, ascending);
        List<String> descending = directory.rows(query(null, null, null, WorkspaceSortField.NAME, true, 0, 60))
                .stream().map(WorkspaceRow::name).toList();
        assertEquals("Shop.50", descending.get(0));
    }

    @Test
    void filtersCombineAndCountTheWholeMatchNotThePage() {
        WorkspacePage user2Running = directory.find(query("USER2", null, WorkspaceStatus.RUNNING, WorkspaceSortField.NAME,
                false, 0, 2));
        long expected = inserted.stream().filter(d -> d.getString("owner").equals("user2")
                && d.getString("status").equals("RUNNING")).count();
        assertEquals(expected, user2Running.total());
        assertEquals(Math.min(2, expected), user2Running.rows().size());
        user2Running.rows().forEach(row -> {
            assertEquals("user2", row.owner().value());
            assertEquals(WorkspaceStatus.RUNNING, row.status());
            assertTrue(row.idePort().isPresent());
        });
    }

    @Test
    void typedFilterTextIsMatchedLiterallyNotAsARegex() {
        assertEquals(6, directory.count(query(null, "shop.", null, WorkspaceSortField.NAME, false, 0, 1)),
                "the dot is a dot and case does not matter");
        assertEquals(0, directory.count(query(null, "shop.*", null, WorkspaceSortField.NAME, false, 0, 1)));
        assertEquals(0, directory.count(query(null, "(", null, WorkspaceSortField.NAME, false, 0, 1)), "no crash on '('");
        assertEquals(0, directory.count(query("[a-z", null, null, WorkspaceSortField.NAME, false, 0, 1)));
        assertEquals(0, directory.count(query("\\", "$where", null, WorkspaceSortField.NAME, false, 0, 1)));
        assertEquals(60, directory.count(query("  ", "", null, WorkspaceSortField.NAME, false, 0, 1)), "blank = no filter");
    }

    @Test
    void aPageBeyondTheEndIsEmptyButCounted() {
        WorkspacePage page = directory.find(query(null, null, null, WorkspaceSortField.CREATED, true, 100, 25));
        assertEquals(60, page.total());
        assertEquals(List.of(), page.rows());
    }

    @Test
    void countsByStatusIncludeEveryStatus() {
        var counts = directory.countByStatus();
        assertEquals(20L, counts.get(WorkspaceStatus.RUNNING));
        assertEquals(20L, counts.get(WorkspaceStatus.STOPPED));
        assertEquals(20L, counts.get(WorkspaceStatus.ERROR));
        assertEquals(0L, counts.get(WorkspaceStatus.STARTING));
    }

    @Test
    void changedSinceFindsRecentUpdatesOnly() {
        List<WorkspaceRow> recent = directory.changedSince(Instant.parse("2026-11-01T10:55:00Z"));
        assertEquals(5, recent.size(), "updatedAt minutes 55..59");
    }

    @Test
    void badSortFieldsOrderAndStatusAreClearProblems() {
        KalpanaException sort = assertThrows(KalpanaException.class, () -> WorkspaceSortField.parse("password"));
        assertEquals("unknown_sort_field", sort.code());
        assertTrue(sort.getMessage().contains("name, owner, status, template, createdAt, updatedAt"), sort.getMessage());
        assertEquals(WorkspaceSortField.CREATED, WorkspaceSortField.parse("CREATEDAT"));
        assertEquals("unknown_sort_field", assertThrows(KalpanaException.class, () -> WorkspaceSortField.parse(null)).code());
        assertEquals("unknown_sort_field", assertThrows(KalpanaException.class,
                () -> WorkspaceSortField.parse("{\"$gt\":1}")).code());

        KalpanaException status = assertThrows(KalpanaException.class, () -> WorkspaceQuery.parseStatus("sleeping"));
        assertEquals("unknown_status", status.code());
        assertTrue(status.getMessage().contains("RUNNING"), status.getMessage());
        assertEquals(Optional.of(WorkspaceStatus.RUNNING), WorkspaceQuery.parseStatus(" running "));
        assertEquals(Optional.empty(), WorkspaceQuery.parseStatus(""));

        assertEquals("unknown_sort_order", assertThrows(KalpanaException.class,
                () -> WorkspaceQuery.parseDescending("up")).code());
        assertTrue(WorkspaceQuery.parseDescending("DESC"));
    }

    @Test
    void badWindowsAndOverlongFiltersAreRefused() {
        assertEquals("invalid_offset", assertThrows(KalpanaException.class,
                () -> query(null, null, null, WorkspaceSortField.NAME, false, -1, 10)).code());
        assertEquals("invalid_limit", assertThrows(KalpanaException.class,
                () -> query(null, null, null, WorkspaceSortField.NAME, false, 0, 0)).code());
        assertEquals("invalid_limit", assertThrows(KalpanaException.class,
                () -> query(null, null, null, WorkspaceSortField.NAME, false, 0, 501)).code());
        assertEquals("filter_too_long", assertThrows(KalpanaException.class,
                () -> query("x".repeat(101), null, null, WorkspaceSortField.NAME, false, 0, 10)).code());
        for (String control : new String[]{"a\u0000b", "\u001b[31m", "a\r\nb"}) {
            assertEquals("invalid_filter", assertThrows(KalpanaException.class,
                    () -> query(null, control, null, WorkspaceSortField.NAME, false, 0, 10)).code(), control);
        }
    }
}
