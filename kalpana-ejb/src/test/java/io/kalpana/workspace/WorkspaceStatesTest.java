package io.kalpana.workspace;

import io.kalpana.port.HostPort;
import io.kalpana.port.PortPair;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceStatesTest {

    private final WorkspaceDocuments documents = new WorkspaceDocuments();
    private final WorkspaceStates states = new WorkspaceStates(documents::database, Clock.systemUTC());
    private final PortPair ports = new PortPair(new HostPort(40010), new HostPort(40011));

    @AfterEach
    void tearDown() {
        documents.close();
    }

    @Test
    void aFullCycleWritesTheFieldsAsJnosqlDoes() {
        WorkspaceId id = documents.insert("cycle", WorkspaceStatus.STOPPED).id();
        Instant before = Instant.parse(documents.document(id).getString("updatedAt"));

        assertTrue(states.beginStart(id));
        assertTrue(states.markRunning(id, "c0ffee", ports, "note"));

        Document running = documents.document(id);
        assertEquals("RUNNING", running.getString("status"));
        assertEquals("c0ffee", running.getString("containerId"));
        assertEquals(40010, running.getInteger("idePort"));
        assertEquals(40011, running.getInteger("bridgePort"));
        assertEquals("note", running.getString("statusReason"));
        assertFalse(Instant.parse(running.getString("updatedAt")).isBefore(before), "updatedAt stays an ISO-8601 string");

        assertEquals(Optional.of(WorkspaceStatus.RUNNING), states.beginStop(id));
        assertTrue(states.markStopped(id, Set.of(WorkspaceStatus.STOPPING), null));
        Document stopped = documents.document(id);
        assertEquals("STOPPED", stopped.getString("status"));
        assertNull(stopped.get("containerId"));
        assertNull(stopped.get("idePort"));
        assertNull(stopped.get("statusReason"));
    }

    @Test
    void aSwapTouchesOnlyTheNamedWorkspace() {
        documents.database().getCollection(Workspace.COLLECTION).createIndex(
                com.mongodb.client.model.Indexes.ascending("status"));
        WorkspaceId first = documents.insert("first", WorkspaceStatus.STOPPED).id();
        WorkspaceId second = documents.insert("second", WorkspaceStatus.STOPPED).id();

        assertTrue(states.beginStart(second));
        assertEquals(Optional.of(WorkspaceStatus.STOPPED), states.statusOf(first), "the other workspace is untouched");
        assertEquals(Optional.of(WorkspaceStatus.STARTING), states.statusOf(second));
        assertEquals(Set.of(second), states.withStatus(Set.of(WorkspaceStatus.STARTING)));
        assertTrue(states.markRunning(second, "c", ports, null));
        assertEquals(Optional.of(WorkspaceStatus.RUNNING), states.beginStop(second));
        assertTrue(states.markStopped(second, Set.of(WorkspaceStatus.STOPPING), null));
        assertEquals(Set.of(), states.withStatus(Set.of(WorkspaceStatus.STARTING)), "an indexed query sees the latest status");
        assertEquals(Set.of(first, second), states.withStatus(Set.of(WorkspaceStatus.STOPPED)));
    }

    @Test
    void onlyExpectedStatusesMove() {
        WorkspaceId id = documents.insert("guarded", WorkspaceStatus.RUNNING).id();

        assertFalse(states.beginStart(id), "a running workspace cannot be started again");
        assertFalse(states.markRunning(id, "x", ports, null), "only a STARTING workspace becomes RUNNING");
        assertEquals(Optional.empty(), states.beginDelete(id), "a running workspace cannot be deleted");
        assertEquals(Optional.of(WorkspaceStatus.RUNNING), states.statusOf(id));
        assertEquals(Optional.empty(), states.statusOf(WorkspaceId.generate()));
        assertFalse(states.beginStart(WorkspaceId.generate()), "an unknown workspace cannot be started");
    }

    @Test
    void errorCanBeStartedAgainAndStopOvertakesAStart() {
        WorkspaceId id = documents.insert("retry", WorkspaceStatus.ERROR).id();

        assertTrue(states.beginStart(id));
        assertEquals(Optional.of(WorkspaceStatus.STARTING), states.beginStop(id));
        assertFalse(states.markRunning(id, "late", ports, null), "the stop won; the start must not overwrite it");
        assertEquals(Optional.of(WorkspaceStatus.STOPPING), states.statusOf(id));
    }

    @Test
    void ofManyConcurrentStartsExactlyOneWins() throws Exception {
        WorkspaceId id = documents.insert("race", WorkspaceStatus.STOPPED).id();
        WorkspaceStates otherInstance = new WorkspaceStates(documents::database, Clock.systemUTC());
        int contenders = 16;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                WorkspaceStates contender = i % 2 == 0 ? states : otherInstance;
                Callable<Boolean> start = () -> {
                    go.await();
                    return contender.beginStart(id);
                };
                results.add(pool.submit(start));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentStopAndDeleteCannotBothWin() throws Exception {
        WorkspaceId id = documents.insert("stop-or-delete", WorkspaceStatus.ERROR).id();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<Optional<WorkspaceStatus>> stop = pool.submit(() -> {
                go.await();
                return states.beginStop(id);
            });
            Future<Optional<WorkspaceStatus>> delete = pool.submit(() -> {
                go.await();
                return states.beginDelete(id);
            });
            go.countDown();
            assertEquals(1, (stop.get().isPresent() ? 1 : 0) + (delete.get().isPresent() ? 1 : 0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void activeListsRunningAndStartingWorkspaces() {
        WorkspaceId running = documents.insert("a", WorkspaceStatus.RUNNING).id();
        WorkspaceId starting = documents.insert("b", WorkspaceStatus.STARTING).id();
        documents.insert("c", WorkspaceStatus.STOPPED);
        documents.insert("d", WorkspaceStatus.ERROR);

        assertEquals(Set.of(running, starting), states.active());
    }
}
