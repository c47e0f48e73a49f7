package io.kalpana.quota;

import io.kalpana.audit.RecordingAuditLog;
import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;
import io.kalpana.settings.LiveSettings;
import io.kalpana.settings.SettingsService;
import io.kalpana.store.InMemoryMongo;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceStates;
import io.kalpana.workspace.WorkspaceStatus;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotaServiceTest {

    private static final Caller ADMIN = new Caller(new Username("root"), Set.of(Role.ADMIN));
    private static final Username ALICE = new Username("alice");
    private static final LiveSettings DEFAULTS = new LiveSettings(Duration.ofMinutes(30), Duration.ofMinutes(5),
            Optional.empty(), Optional.empty(), 2, 4);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final SettingsService settings = new SettingsService(mongo::database, () -> DEFAULTS, audit, Clock.systemUTC());
    private final QuotaService quotas = new QuotaService(mongo::database, settings,
            user -> Set.of("alice", "bob", "root").contains(user.value()), audit, Clock.systemUTC());
    private final WorkspaceStates states = new WorkspaceStates(mongo::database, Clock.systemUTC());
    private int created;

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void withoutAnOverrideThePersonHasTheDefaultsOfTheLiveSettings() {
        assertEquals(new Quota(2, 4), quotas.effectiveFor(ALICE));
        settings.update(ADMIN, DEFAULTS.withDefaultMaxRunning(3));
        assertEquals(new Quota(3, 4), quotas.effectiveFor(ALICE), "a settings change applies without restart");
    }

    @Test
    void anAdminOverrideRaisesTheLimitAndAnEmptyOneGoesBackToTheDefaults() {
        quotas.override(ADMIN, ALICE, Optional.of(new Quota(5, 20)));
        assertEquals(new Quota(5, 20), quotas.effectiveFor(ALICE));
        assertEquals(new Quota(2, 4), quotas.effectiveFor(new Username("bob")), "others keep the defaults");
        quotas.override(ADMIN, ALICE, Optional.empty());
        assertEquals(new Quota(2, 4), quotas.effectiveFor(ALICE));
        assertEquals(List.of("quota.set", "quota.reset"),
                audit.entries().stream().map(RecordingAuditLog.Entry::action).toList());
    }

    @Test
    void overridesAreForAdminsAndKnownUsersWithSaneValues() {
        assertEquals(ProblemKind.FORBIDDEN, assertThrows(KalpanaException.class, () -> quotas.override(
                new Caller(ALICE, Set.of(Role.USER)), ALICE, Optional.of(new Quota(9, 9)))).kind());
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(KalpanaException.class,
                () -> quotas.override(ADMIN, new Username("nobody"), Optional.of(new Quota(9, 9)))).kind());
        KalpanaException negative = assertThrows(KalpanaException.class, () -> new Quota(-1, 3));
        assertEquals(ProblemKind.INVALID_INPUT, negative.kind());
        assertTrue(negative.getMessage().contains("maxRunning"), negative.getMessage());
        assertEquals(new Quota(2, 4), quotas.effectiveFor(ALICE));
    }

    @Test
    void creatingBeyondTheTotalIsAConflictNamingTheLimit() {
        for (int i = 0; i < 4; i++) {
            quotas.admitCreate(ALICE, () -> insert(ALICE, WorkspaceStatus.STOPPED));
        }
        KalpanaException refused = assertThrows(KalpanaException.class,
                () -> quotas.admitCreate(ALICE, () -> insert(ALICE, WorkspaceStatus.STOPPED)));
        assertEquals(ProblemKind.CONFLICT, refused.kind());
        assertEquals("You already have 4 workspaces, the most allowed for you (4); delete one first", refused.getMessage());
        assertEquals(4, count(ALICE));
        quotas.admitCreate(new Username("bob"), () -> insert(new Username("bob"), WorkspaceStatus.STOPPED));
    }

    @Test
    void startingBeyondTheRunningLimitIsAConflictButRestartingARunningOneIsNot() {
        WorkspaceId first = insert(ALICE, WorkspaceStatus.RUNNING);
        insert(ALICE, WorkspaceStatus.STARTING);
        WorkspaceId third = insert(ALICE, WorkspaceStatus.STOPPED);

        KalpanaException refused = assertThrows(KalpanaException.class,
                () -> quotas.admitStart(ALICE, third, () -> states.beginStart(third)));
        assertEquals(ProblemKind.CONFLICT, refused.kind());
        assertEquals("You already have 2 running workspaces, the most allowed for you (2); stop one first",
                refused.getMessage());
        assertEquals(Optional.of(WorkspaceStatus.STOPPED), states.statusOf(third));

        assertFalse(quotas.admitStart(ALICE, first, () -> states.beginStart(first)),
                "a running workspace is not held against itself: the claim runs (and finds it running)");

        quotas.override(ADMIN, ALICE, Optional.of(new Quota(3, 10)));
        assertTrue(quotas.admitStart(ALICE, third, () -> states.beginStart(third)));
    }

    @Test
    void racingStartsNeverOvershootTheLimit() throws Exception {
        int racers = 8;
        List<WorkspaceId> ids = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            ids.add(insert(ALICE, WorkspaceStatus.STOPPED));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (WorkspaceId id : ids) {
            // Each racer its own service and client, like requests on different Kalpana instances.
            var client = mongo.newClient();
            QuotaService instance = new QuotaService(() -> client.getDatabase("kalpana"), settings, user -> true,
                    audit, Clock.systemUTC());
            WorkspaceStates ownStates = new WorkspaceStates(() -> client.getDatabase("kalpana"), Clock.systemUTC());
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return instance.admitStart(ALICE, id, () -> {
                        // Widens the gap between check and claim, where an unguarded check would let others in.
                        sleep(30);
                        return ownStates.beginStart(id);
                    });
                } finally {
                    client.close();
                }
            }));
        }
        go.countDown();
        int admitted = 0;
        int refused = 0;
        for (Future<Boolean> result : results) {
            try {
                admitted += result.get() ? 1 : 0;
            } catch (ExecutionException e) {
                KalpanaException problem = assertInstanceOf(KalpanaException.class, e.getCause());
                assertEquals("quota_running", problem.code());
                refused++;
            }
        }
        pool.shutdownNow();
        assertEquals(2, admitted);
        assertEquals(racers - 2, refused);
        assertEquals(2, states.withStatus(Set.of(WorkspaceStatus.STARTING)).size());
    }

    private WorkspaceId insert(Username owner, WorkspaceStatus status) {
        WorkspaceId id = WorkspaceId.generate();
        mongo.database().getCollection(Workspace.COLLECTION).insertOne(new Document("_id", id.value())
                .append("name", "w" + created++).append("owner", owner.value()).append("status", status.name()));
        return id;
    }

    private long count(Username owner) {
        return mongo.database().getCollection(Workspace.COLLECTION).countDocuments(new Document("owner", owner.value()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
