package io.kalpana.workspace;

import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.port.PortPair;
import io.kalpana.problem.KalpanaException;
import io.kalpana.runtime.DockerTestSupport;
import io.kalpana.runtime.DockerWorkspaceRuntime;
import io.kalpana.runtime.ExecResult;
import io.kalpana.runtime.StartedContainer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle with the real Docker runtime and image, statuses in an in-process MongoDB. */
@Timeout(600)
class WorkspaceLifecycleDockerIT {

    private static final Caller TESTER = new Caller(new Username("tester"), Set.of(Role.USER));
    private static final Caller STRANGER = new Caller(new Username("stranger"), Set.of(Role.USER));

    private DockerWorkspaces workspaces;
    private WorkspaceDocuments documents;
    private DockerTestSupport docker;
    private DockerWorkspaceRuntime runtime;
    private InMemoryPortAllocator ports;
    private WorkspaceStates states;
    private WorkspaceLifecycle lifecycle;
    private List<WorkspaceId> created;
    private StartSlots startSlots = new StartSlots(2);

    @BeforeEach
    void setUp() {
        workspaces = new DockerWorkspaces();
        documents = workspaces.documents();
        docker = workspaces.docker();
        runtime = workspaces.runtime();
        created = workspaces.created();
        ports = new InMemoryPortAllocator();
        states = new WorkspaceStates(documents::database, Clock.systemUTC());
        lifecycle = lifecycle(runtime);
    }

    private WorkspaceLifecycle lifecycle(DockerWorkspaceRuntime withRuntime) {
        WorkspaceLifecycle wired = documents.lifecycle(states, ports, withRuntime);
        wired.startSlots = startSlots;
        return wired;
    }

    /** A lifecycle of a Kalpana whose images are not on the Docker host. */
    private WorkspaceLifecycle lifecycleWithoutImages() {
        WorkspaceLifecycle wired = lifecycle(runtime);
        wired.images = ReaperTestWiring.images(documents::database, "kalpana-workspace:no-such-version");
        return wired;
    }

    @AfterEach
    void tearDown() {
        workspaces.close();
    }

    private Workspace workspace(String name, WorkspaceTemplate template, RepoUrl repo, NixConfig nix, WorkspaceStatus status) {
        Workspace workspace = documents.insert(name, template, repo, nix, status);
        created.add(workspace.id());
        return workspace;
    }

    @Test
    void startRunsStopKeepsFilesAndSecondStartIsANoOp() {
        WorkspaceId id = workspace("life", WorkspaceTemplate.NODE, null, new NixConfig("{ }: { }\n"), WorkspaceStatus.STOPPED).id();

        WorkspaceLifecycle.Started started = lifecycle.start(TESTER, id);

        assertTrue(started.secrets().isPresent());
        assertEquals(started.secrets(), lifecycle.secretsOf(TESTER, id), "Open IDE finds this run's password");
        Document running = documents.document(id);
        assertEquals("RUNNING", running.getString("status"));
        assertNull(running.get("statusReason"));
        PortPair leased = ports.heldBy(id.value()).orElseThrow();
        assertEquals(leased.ide().number(), running.getInteger("idePort"));
        assertEquals(leased.bridge().number(), running.getInteger("bridgePort"));
        assertEquals(200, DockerTestSupport.healthzStatus(leased.ide()));
        assertTrue(runtime.inspect(id).running());
        assertEquals(runtime.inspect(id).containerId(), running.getString("containerId"));
        assertTrue(read(id, "cat /workspace/package.json").contains("\"type\": \"module\""), "node template applied");
        assertEquals("{ }: { }", read(id, "cat /workspace/shell.nix"));

        assertEquals(Optional.empty(), lifecycle.start(TESTER, id).secrets(), "starting a running workspace is a no-op");
        assertEquals(running.getString("containerId"), runtime.inspect(id).containerId());

        read(id, "echo mine > /workspace/mine.txt");
        lifecycle.stop(TESTER, id);
        assertEquals(java.util.Optional.empty(), lifecycle.secretsOf(TESTER, id), "a stopped workspace has no IDE password");

        Document stopped = documents.document(id);
        assertEquals("STOPPED", stopped.getString("status"));
        assertNull(stopped.get("containerId"));
        assertFalse(runtime.inspect(id).present());
        assertTrue(runtime.volumeExists(id));
        assertEquals(Optional.empty(), ports.heldBy(id.value()));

        lifecycle.start(TESTER, id);
        assertEquals("mine", read(id, "cat /workspace/mine.txt"));
        lifecycle.stop(TESTER, id);
        assertEquals(Optional.of(WorkspaceStatus.STOPPED), states.statusOf(id));
    }

    @Test
    void aStartWaitsForItsTurnAndAStopWhileItWaitsLeavesNothingBehind() throws Exception {
        startSlots = new StartSlots(1);
        lifecycle = lifecycle(runtime);
        WorkspaceId id = workspace("queued", WorkspaceTemplate.BLANK, null, null, WorkspaceStatus.STOPPED).id();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<?> waiting;
            try (StartSlots.Turn busy = startSlots.await()) {
                waiting = background.submit(() -> lifecycle.start(TESTER, id));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!"waiting for other workspaces to finish starting".equals(documents.document(id).getString("statusReason"))) {
                    assertTrue(System.nanoTime() < deadline, "the waiting start says so: " + documents.document(id).toJson());
                    Thread.sleep(50);
                }
                assertEquals("STARTING", documents.document(id).getString("status"));
                assertFalse(runtime.inspect(id).present(), "no container before its turn");
                assertEquals(Optional.empty(), ports.heldBy(id.value()), "no ports before its turn");

                lifecycle.stop(TESTER, id);
            }
            ExecutionException overtaken = assertThrows(ExecutionException.class, () -> waiting.get(60, TimeUnit.SECONDS));
            assertEquals("workspace_stopped_while_starting", ((KalpanaException) overtaken.getCause()).code());
            assertEquals(Optional.of(WorkspaceStatus.STOPPED), states.statusOf(id));
            assertFalse(runtime.inspect(id).present(), "the start whose workspace was stopped made no container");
            assertEquals(Optional.empty(), ports.heldBy(id.value()));

            lifecycle.start(TESTER, id);
            assertEquals(Optional.of(WorkspaceStatus.RUNNING), states.statusOf(id), "with a free turn it starts");
            lifecycle.stop(TESTER, id);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void aPortTakenAfterItWasLeasedIsReplacedAndTheStartGoesOn() throws Exception {
        WorkspaceId id = workspace("squatted", WorkspaceTemplate.BLANK, null, null, WorkspaceStatus.STOPPED).id();
        List<ServerSocket> squatters = new ArrayList<>();
        ports = new InMemoryPortAllocator() {
            @Override
            public synchronized PortPair allocate(String workspaceId, String owner) {
                PortPair pair = super.allocate(workspaceId, owner);
                if (squatters.isEmpty()) {
                    // Another program binds the IDE port between the lease's probe and Docker's bind.
                    try {
                        squatters.add(new ServerSocket(pair.ide().number(), 1, InetAddress.getByName("127.0.0.1")));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return pair;
            }
        };
        lifecycle = lifecycle(runtime);
        try {
            lifecycle.start(TESTER, id);
            int taken = squatters.get(0).getLocalPort();
            PortPair leased = ports.heldBy(id.value()).orElseThrow();
            assertNotEquals(taken, leased.ide().number(), "other ports were leased");
            assertTrue(ports.leases().stream().noneMatch(lease -> lease.port().number() == taken), "the taken port is not kept");
            assertEquals(Optional.of(WorkspaceStatus.RUNNING), states.statusOf(id));
            assertEquals(200, DockerTestSupport.healthzStatus(leased.ide()));
        } finally {
            for (ServerSocket squatter : squatters) {
                squatter.close();
            }
            lifecycle.stop(TESTER, id);
        }
    }

    @Test
    void failedCloneLeavesTheWorkspaceRunningWithTheReason() {
        WorkspaceId id = workspace("clone", WorkspaceTemplate.PYTHON,
                new RepoUrl("https://127.0.0.1:1/nothing.git"), null, WorkspaceStatus.STOPPED).id();

        lifecycle.start(TESTER, id);

        Document running = documents.document(id);
        assertEquals("RUNNING", running.getString("status"));
        assertTrue(running.getString("statusReason").contains("could not be cloned"), running.getString("statusReason"));
        assertTrue(read(id, "cat /workspace/main.py").contains("greeting"));
    }

    @Test
    void failedStartIsAnErrorWithReasonNoContainerAndNoPorts() {
        WorkspaceId id = workspace("broken", WorkspaceTemplate.BLANK, null, null, WorkspaceStatus.STOPPED).id();
        KalpanaException problem = assertThrows(KalpanaException.class,
                () -> lifecycleWithoutImages().start(TESTER, id));
        assertEquals("workspace_image_missing", problem.code());
        Document failed = documents.document(id);
        assertEquals("ERROR", failed.getString("status"));
        assertTrue(failed.getString("statusReason").contains("kalpana-workspace:no-such-version"));
        assertFalse(runtime.inspect(id).present());
        assertEquals(Optional.empty(), ports.heldBy(id.value()));

        lifecycle.start(TESTER, id);
        assertEquals(Optional.of(WorkspaceStatus.RUNNING), states.statusOf(id), "an ERROR workspace can be started again");
    }

    @Test
    void createAndStartAnswersWithTheIdeReadyAndKeepsAWorkspaceWhoseStartFailed() {
        WorkspaceLifecycle.Started started = lifecycle.createAndStart(TESTER, NewWorkspace.of("at-once", "python", null, null));
        WorkspaceId id = started.workspace().id();
        created.add(id);
        assertEquals("RUNNING", documents.document(id).getString("status"));
        assertTrue(started.secrets().isPresent());
        assertEquals(200, DockerTestSupport.healthzStatus(ports.heldBy(id.value()).orElseThrow().ide()));
        assertTrue(read(id, "cat /workspace/main.py").contains("greeting"), "the template is in place");

        CreatedButNotStarted problem = assertThrows(CreatedButNotStarted.class,
                () -> lifecycleWithoutImages().createAndStart(TESTER, NewWorkspace.of("broken-at-once", null, null, null)));
        WorkspaceId kept = problem.workspace().id();
        created.add(kept);
        assertEquals("workspace_image_missing", problem.code());
        assertTrue(problem.getMessage().startsWith("Workspace 'broken-at-once' was created but not started: "),
                problem.getMessage());
        Document failed = documents.document(kept);
        assertEquals("ERROR", failed.getString("status"), "the workspace is kept, with the reason");
        assertTrue(failed.getString("statusReason").contains("kalpana-workspace:no-such-version"));
        assertFalse(runtime.inspect(kept).present());
        assertEquals(Optional.empty(), ports.heldBy(kept.value()));
    }

    @Test
    void concurrentStartsMakeOneContainer() throws Exception {
        WorkspaceId id = workspace("race", WorkspaceTemplate.BLANK, null, null, WorkspaceStatus.STOPPED).id();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        return lifecycle.start(TESTER, id).secrets().isPresent() ? "started" : "no-op";
                    } catch (KalpanaException e) {
                        return e.code();
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertEquals(1, results.stream().filter("started"::equals).count(), results.toString());
            assertTrue(results.contains("workspace_busy") || results.contains("no-op"), results.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, runtime.listManaged().stream().filter(c -> c.workspace().equals(Optional.of(id))).count());
    }

    @Test
    void otherPeopleSeeNotFound() {
        WorkspaceId id = workspace("private", WorkspaceTemplate.BLANK, null, null, WorkspaceStatus.STOPPED).id();

        assertEquals("workspace_not_found", assertThrows(KalpanaException.class, () -> lifecycle.start(STRANGER, id)).code());
        assertEquals("workspace_not_found", assertThrows(KalpanaException.class, () -> lifecycle.stop(STRANGER, id)).code());
        assertEquals(Optional.of(WorkspaceStatus.STOPPED), states.statusOf(id));
    }

    @Test
    void reconcileRemovesOrphansStopsWorkspacesWithoutContainerAndReleasesTheirPorts() {
        WorkspaceId orphan = docker.newWorkspace();
        StartedContainer orphanContainer = runtime.start(docker.launch(orphan));
        WorkspaceId stopped = workspace("stopped-but-running", WorkspaceTemplate.BLANK, null, null, WorkspaceStatus.STOPPED).id();
        runtime.start(docker.launch(stopped));
        WorkspaceId vanished = workspace("vanished", WorkspaceTemplate.BLANK, null, null, WorkspaceStatus.RUNNING).id();
        ports.allocate(vanished.value(), "tester");
        WorkspaceId cutShort = workspace("cut-short", WorkspaceTemplate.BLANK, null, null, WorkspaceStatus.STOPPING).id();
        WorkspaceId alive = workspace("alive", WorkspaceTemplate.BLANK, null, null, WorkspaceStatus.STOPPED).id();
        lifecycle.start(TESTER, alive);
        WorkspaceId unfinished = workspace("was-starting", WorkspaceTemplate.BLANK, null, null, WorkspaceStatus.STARTING).id();
        runtime.start(docker.launch(unfinished));

        WorkspaceLifecycle.Reconciliation result = lifecycle.reconcile();

        assertFalse(runtime.inspect(unfinished).present(), "the container of a start nobody will finish goes");
        assertEquals("STOPPED", documents.document(unfinished).getString("status"));
        assertEquals(WorkspaceLifecycle.STARTING_AT_STARTUP, documents.document(unfinished).getString("statusReason"));

        assertFalse(runtime.inspect(orphan).present(), "a container whose workspace is unknown goes");
        assertTrue(runtime.volumeExists(orphan), "reconcile never deletes files");
        assertFalse(runtime.inspect(stopped).present(), "a container of a STOPPED workspace goes");
        assertTrue(runtime.inspect(alive).running(), "a RUNNING workspace with its container stays");
        assertEquals("STOPPED", documents.document(vanished).getString("status"));
        assertEquals(WorkspaceLifecycle.GONE_AT_STARTUP, documents.document(vanished).getString("statusReason"));
        assertEquals(Optional.empty(), ports.heldBy(vanished.value()));
        assertEquals("STOPPED", documents.document(cutShort).getString("status"));
        assertEquals(WorkspaceLifecycle.INTERRUPTED_AT_STARTUP, documents.document(cutShort).getString("statusReason"));
        assertNotNull(ports.heldBy(alive.value()).orElse(null));
        assertTrue(result.containersRemoved() >= 2 && result.workspacesStopped() == 3, result.toString());
        assertNotNull(orphanContainer.containerId());
    }

    @Test
    void deleteResourcesRemovesContainerAndVolumeAndRefusesRunningWorkspaces() {
        WorkspaceId id = workspace("doomed", WorkspaceTemplate.BLANK, null, null, WorkspaceStatus.STOPPED).id();
        lifecycle.start(TESTER, id);

        assertEquals("workspace_busy", assertThrows(KalpanaException.class, () -> lifecycle.deleteResources(id)).code());

        lifecycle.stop(TESTER, id);
        lifecycle.deleteResources(id);

        assertFalse(runtime.volumeExists(id));
        assertFalse(runtime.inspect(id).present());
        assertFalse(states.beginStart(id), "a workspace being deleted cannot be started");
    }

    private String read(WorkspaceId id, String script) {
        return DockerTestSupport.shellOutput(runtime, id, script);
    }
}
