package io.kalpana.reaper;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.kalpana.audit.RecordingAuditLog;
import io.kalpana.identity.Username;
import io.kalpana.metrics.KalpanaMetrics;
import io.kalpana.metrics.PrometheusText;
import io.kalpana.port.PortAllocator;
import io.kalpana.port.PortPair;
import io.kalpana.runtime.IdeHeartbeat;
import io.kalpana.settings.LiveSettings;
import io.kalpana.store.InMemoryMongo;
import io.kalpana.store.MutableClock;
import io.kalpana.workspace.ReaperTestWiring;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceStates;
import io.kalpana.workspace.WorkspaceStatus;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweeps over workspaces in an in-process MongoDB, through the real lifecycle with a runtime that counts removals. */
class SweepRunnerTest {

    private static final Username ALICE = new Username("alice");
    private static final LiveSettings SETTINGS = new LiveSettings(Duration.ofMinutes(30), Duration.ofMinutes(5),
            Optional.empty(), Optional.empty(), 3, 10);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final CountingRuntime runtime = new CountingRuntime();
    private final KalpanaMetrics metrics = new KalpanaMetrics();
    private final PortAllocator ports = ReaperTestWiring.portAllocator();
    private final Instant start = Instant.now().minus(Duration.ofHours(1));
    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<MongoClient> clients = new ArrayList<>();

    @AfterEach
    void tearDown() {
        clients.forEach(MongoClient::close);
        mongo.close();
    }

    @Test
    void anUntouchedWorkspaceIsWarnedThenStoppedWithItsReasonAndPortsReleased() {
        WorkspaceId idle = running("idle", clock.instant().minus(Duration.ofMinutes(26)));
        WorkspaceId used = running("used", clock.instant().minus(Duration.ofMinutes(2)));
        SweepRunner runner = runner(mongo::database, "a", Duration.ofMinutes(2));

        SweepReport first = runner.sweepOnce();
        assertEquals(1, first.warned());
        Document warned = document(idle);
        assertEquals("IDLE", warned.getString("warningKind"));
        assertTrue(warned.getString("warning").startsWith("No activity since "), warned.getString("warning"));
        assertNull(document(used).getString("warning"));
        assertEquals(0, runner.sweepOnce().warned(), "warned once only");

        clock.advance(Duration.ofMinutes(5));
        SweepReport second = runner.sweepOnce();
        assertEquals(1, second.stopped());
        Document stopped = document(idle);
        assertEquals("STOPPED", stopped.getString("status"));
        assertEquals("stopped after 30 min without activity", stopped.getString("statusReason"));
        assertNull(stopped.getString("warning"));
        assertEquals(1, runtime.removalsOf(idle));
        assertTrue(ports.heldBy(idle.value()).isEmpty(), "ports released");
        assertEquals("RUNNING", document(used).getString("status"));
        PrometheusText scraped = new PrometheusText();
        metrics.writeTo(scraped);
        assertTrue(scraped.toString().contains("kalpana_reaper_stops_total{why=\"idle\"} 1"), scraped.toString());

        assertEquals(List.of("workspace.warn", "workspace.stop"),
                audit.entries().stream().map(RecordingAuditLog.Entry::action).toList());
        assertTrue(audit.entries().stream().allMatch(entry -> entry.actor().equals("system")));
    }

    @Test
    void anIdeInUseKeepsTheWorkspaceRunningAndIsRecordedAsItsLastSignal() {
        WorkspaceId editing = running("editing", clock.instant().minus(Duration.ofMinutes(40)));
        int idePort = ports.heldBy(editing.value()).orElseThrow().ide().number();
        runtime.heartbeats.put(idePort, new IdeHeartbeat(true, Optional.of(clock.instant().minusSeconds(30))));

        SweepReport report = runner(mongo::database, "a", Duration.ofMinutes(2)).sweepOnce();

        assertEquals(0, report.warned() + report.stopped());
        Document document = document(editing);
        assertEquals("RUNNING", document.getString("status"));
        assertEquals("IDE", document.getString("lastSignal"));
        assertEquals(clock.instant().toEpochMilli(), document.getLong("lastActivityMillis"), "alive: in use now");
    }

    @Test
    void anIdeLastUsedLongAgoDoesNotSaveTheWorkspace() {
        WorkspaceId abandoned = running("abandoned", clock.instant().minus(Duration.ofMinutes(40)));
        int idePort = ports.heldBy(abandoned.value()).orElseThrow().ide().number();
        runtime.heartbeats.put(idePort, new IdeHeartbeat(false, Optional.of(clock.instant().minus(Duration.ofMinutes(45)))));

        assertEquals(1, runner(mongo::database, "a", Duration.ofMinutes(2)).sweepOnce().warned());
        assertEquals("STARTED", document(abandoned).getString("lastSignal"));
    }

    @Test
    void anErrorWorkspaceStillHoldingPortsIsCleanedUpAndOneWithoutLeftoversIsLeftToItsOwner() {
        WorkspaceId leftovers = running("leftovers", clock.instant());
        WorkspaceId clean = running("clean", clock.instant());
        ports.release(clean.value());
        WorkspaceStates states = new WorkspaceStates(mongo::database, Clock.systemUTC());
        for (WorkspaceId id : List.of(leftovers, clean)) {
            assertTrue(states.beginStop(id).isPresent());
            assertTrue(states.markError(id, Set.of(WorkspaceStatus.STOPPING), "The workspace could not be stopped: boom"));
        }

        assertEquals(1, runner(mongo::database, "a", Duration.ofMinutes(2)).sweepOnce().cleaned());

        Document cleaned = document(leftovers);
        assertEquals("STOPPED", cleaned.getString("status"));
        assertTrue(cleaned.getString("statusReason").contains("could not be stopped: boom"), cleaned.getString("statusReason"));
        assertEquals(1, runtime.removalsOf(leftovers));
        assertTrue(ports.heldBy(leftovers.value()).isEmpty());
        assertEquals("ERROR", document(clean).getString("status"), "nothing to clean: the owner still sees the failure");
        assertEquals(List.of("workspace.cleanup"), audit.entries().stream().map(RecordingAuditLog.Entry::action).toList());
    }

    @Test
    void theMaximumLifetimeStopsABusyWorkspaceAfterItsWarning() {
        LiveSettings lifetime = SETTINGS.withMaxLifetime(Optional.of(Duration.ofHours(1)));
        WorkspaceId busy = running("busy", clock.instant().minus(Duration.ofMinutes(56)));
        new WorkspaceStates(mongo::database, Clock.systemUTC()).recordActivity(busy,
                io.kalpana.workspace.ActivitySignal.AGENT_TURN, clock.instant());
        SweepRunner runner = runner(mongo::database, "a", Duration.ofMinutes(2), clock, () -> lifetime);

        assertEquals(1, runner.sweepOnce().warned());
        assertEquals("LIFETIME", document(busy).getString("warningKind"));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, runner.sweepOnce().stopped());
        assertEquals("stopped after reaching the maximum running time of 1 h", document(busy).getString("statusReason"));
    }

    @Test
    void aLongStoppedWorkspaceIsWarnedThenDeletedOnlyWithRetentionOn() {
        LiveSettings retention = SETTINGS.withStoppedRetention(Optional.of(Duration.ofDays(7)));
        WorkspaceId old = running("old", clock.instant());
        WorkspaceStates states = new WorkspaceStates(mongo::database, clock);
        states.beginStop(old);
        states.markStopped(old, Set.of(WorkspaceStatus.STOPPING), null);
        RecordingReaperActions deleting = actions(mongo::database);
        SweepRunner off = runner(mongo::database, "a", Duration.ofMinutes(2), clock, () -> SETTINGS);
        SweepRunner on = runner(mongo::database, "a", Duration.ofMinutes(2), clock, () -> retention, deleting);

        clock.advance(Duration.ofDays(30));
        assertEquals(0, off.sweepOnce().warned(), "off by default");
        assertEquals(1, on.sweepOnce().warned());
        assertTrue(document(old).getString("warning").contains("will be deleted"), document(old).getString("warning"));
        assertEquals(0, on.sweepOnce().deleted(), "not before the warning stood for warn-before");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, on.sweepOnce().deleted());
        assertEquals(List.of(old), deleting.deleted());
    }

    @Test
    void whileOneInstanceHoldsTheLeaseTheOtherDoesNotSweep() {
        running("idle", clock.instant().minus(Duration.ofHours(1)));
        new io.kalpana.store.DocumentLease(mongo::database, clock).tryAcquire(SweepRunner.LEASE, "other", Duration.ofMinutes(2));

        assertFalse(runner(mongo::database, "a", Duration.ofMinutes(2)).sweepOnce().swept());
        clock.advance(Duration.ofMinutes(3));
        assertTrue(runner(mongo::database, "a", Duration.ofMinutes(2)).sweepOnce().swept(), "the dead holder's lease lapsed");
    }

    @Test
    void twoInstancesSweepingTogetherStopEachIdleWorkspaceExactlyOnce() throws Exception {
        List<WorkspaceId> idle = warnedIdleWorkspaces(30);
        assertEachStoppedOnce(idle, sweepTogether(Duration.ofMinutes(2)));
    }

    @Test
    void evenWhenTheLeaseLapsesMidSweepNoWorkspaceIsStoppedTwice() throws Exception {
        // A lease far shorter than a sweep: both instances end up sweeping at once, the status swaps must hold.
        runtime.removeMillis = 30;
        List<WorkspaceId> idle = warnedIdleWorkspaces(30);
        assertEachStoppedOnce(idle, sweepTogether(Duration.ofMillis(1)));
    }

    private List<SweepReport> sweepTogether(Duration leaseTtl) throws Exception {
        // A ticking clock (past the warnings), so that a short lease really lapses while a sweep runs.
        Clock ticking = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), clock.instant()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<SweepReport>>> instances = new ArrayList<>();
        for (String instance : List.of("instance-a", "instance-b")) {
            MongoClient client = mongo.newClient();
            clients.add(client);
            // Each instance its own client, clock, lifecycle and runner, like two Kalpanas on one database.
            SweepRunner runner = runner(() -> client.getDatabase("kalpana"), instance, leaseTtl, ticking);
            instances.add(pool.submit(() -> {
                go.await();
                List<SweepReport> reports = new ArrayList<>();
                for (int round = 0; round < 4; round++) {
                    reports.add(runner.sweepOnce());
                }
                return reports;
            }));
        }
        go.countDown();
        List<SweepReport> all = new ArrayList<>();
        for (Future<List<SweepReport>> instance : instances) {
            List<SweepReport> reports = instance.get();
            all.addAll(reports);
        }
        pool.shutdownNow();
        return all;
    }

    private void assertEachStoppedOnce(List<WorkspaceId> idle, List<SweepReport> reports) {
        for (WorkspaceId id : idle) {
            assertEquals("STOPPED", document(id).getString("status"), "workspace=" + id);
            assertEquals(1, runtime.removalsOf(id), "container of workspace=" + id + " removed once");
        }
        assertEquals(idle.size(), reports.stream().mapToInt(SweepReport::stopped).sum(), "stops reported in all");
        assertEquals(idle.size(), audit.withAction("workspace.stop").size(), "one stop audit event each");
        assertEquals(Set.copyOf(idle.stream().map(id -> "workspace:" + id).toList()),
                Set.copyOf(audit.withAction("workspace.stop").stream().map(RecordingAuditLog.Entry::target).toList()));
    }

    private List<WorkspaceId> warnedIdleWorkspaces(int count) {
        List<WorkspaceId> idle = new ArrayList<>();
        WorkspaceStates states = new WorkspaceStates(mongo::database, Clock.systemUTC());
        for (int i = 0; i < count; i++) {
            WorkspaceId id = running("idle-" + i, clock.instant().minus(Duration.ofHours(2)));
            states.warn(id, WorkspaceStatus.RUNNING, io.kalpana.workspace.ReaperWarningKind.IDLE, "idle", Long.MAX_VALUE);
            idle.add(id);
        }
        clock.advance(Duration.ofMinutes(10));
        return idle;
    }

    private SweepRunner runner(Supplier<MongoDatabase> database, String holder, Duration leaseTtl) {
        return runner(database, holder, leaseTtl, clock);
    }

    private SweepRunner runner(Supplier<MongoDatabase> database, String holder, Duration leaseTtl, Clock clock) {
        return runner(database, holder, leaseTtl, clock, () -> SETTINGS);
    }

    private SweepRunner runner(Supplier<MongoDatabase> database, String holder, Duration leaseTtl, Clock clock,
                               Supplier<LiveSettings> settings) {
        return runner(database, holder, leaseTtl, clock, settings, actions(database));
    }

    private SweepRunner runner(Supplier<MongoDatabase> database, String holder, Duration leaseTtl, Clock clock,
                               Supplier<LiveSettings> settings, ReaperActions actions) {
        return new SweepRunner(database, holder, leaseTtl, settings, new WorkspaceStates(database, clock),
                actions, audit, clock);
    }

    /** The lifecycle's actions on this database, with the counting runtime; deletions are recorded. */
    private RecordingReaperActions actions(Supplier<MongoDatabase> database) {
        return new RecordingReaperActions(ReaperTestWiring.lifecycle(database, runtime, ports, audit, null), runtime,
                metrics);
    }

    private WorkspaceId running(String name, Instant lastActivity) {
        WorkspaceId id = WorkspaceId.generate();
        PortPair leased = ports.allocate(id.value(), ALICE.value());
        return ReaperTestWiring.insertRunning(mongo.database(), id, name, ALICE, lastActivity, leased);
    }

    private Document document(WorkspaceId id) {
        return mongo.database().getCollection(Workspace.COLLECTION).find(new Document("_id", id.value())).first();
    }
}
