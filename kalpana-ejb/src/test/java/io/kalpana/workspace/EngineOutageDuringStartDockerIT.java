package io.kalpana.workspace;

import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.runtime.DockerTestSupport;
import io.kalpana.runtime.DockerWorkspaceRuntime;
import io.kalpana.runtime.EngineRelay;
import io.kalpana.runtime.ExecResult;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Docker engine goes away in the middle of a start and comes back: the start ends in ERROR saying the engine is
 * not reachable, its ports are released, the container it left behind goes once the engine is back (the reaper's
 * clean-up of an ERROR, or the next start), and the next start runs with the volume's files intact, or fills the
 * volume a first start created and could not fill. Kalpana reaches
 * the engine through {@link EngineRelay}, which the test closes; the engine other builds share keeps running.
 */
@Timeout(300)
class EngineOutageDuringStartDockerIT {

    private static final Caller TESTER = new Caller(new Username("tester"), Set.of(Role.USER));
    /** The request line of the engine call that starts a created container. */
    private static final Pattern CONTAINER_START = Pattern.compile("^POST \\S*/containers/[^/ ]+/start[ ?]");

    private WorkspaceDocuments documents;
    private DockerWorkspaceRuntime direct;
    private DockerWorkspaceRuntime relayed;
    private EngineRelay relay;
    private InMemoryPortAllocator ports;
    private WorkspaceLifecycle lifecycle;
    private WorkspaceId id;

    @BeforeEach
    void setUp() throws IOException {
        documents = new WorkspaceDocuments();
        direct = new DockerWorkspaceRuntime(DockerTestSupport.settings());
        relay = EngineRelay.open(0);
        relayed = new DockerWorkspaceRuntime(DockerTestSupport.settings().withDockerHost(relay.dockerHost()));
        ports = new InMemoryPortAllocator();
        lifecycle = documents.lifecycle(new WorkspaceStates(documents::database, Clock.systemUTC()), ports, relayed);
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            if (id != null) {
                direct.deleteVolume(id);
            }
        } finally {
            relay.close();
            relayed.close();
            direct.close();
            documents.close();
        }
    }

    @Test
    void engineGoneWhileTheStartWaitsForTheIde() throws Exception {
        id = documents.insert("outage", WorkspaceStatus.STOPPED).id();
        writeAFileAndStop();
        // Freeze the container the moment it starts, so that its IDE never answers and the start stays in its wait.
        Process events = new ProcessBuilder("docker", "events", "--filter", "type=container", "--filter", "event=start",
                "--filter", "label=io.kalpana.workspace=" + id.value(), "--format", "{{.ID}}").start();
        CompletableFuture<KalpanaException> start;
        try {
            start = startExpectingFailure();
            BufferedReader started = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));
            String containerId = CompletableFuture.supplyAsync(() -> {
                try {
                    return started.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(120, TimeUnit.SECONDS);
            DockerTestSupport.cli("pause", containerId);
        } finally {
            events.destroyForcibly();
        }
        int port = relay.port();
        relay.close();

        assertFailedForTheEngine(start.get(120, TimeUnit.SECONDS));
        assertTrue(direct.inspect(id).present(), "the engine was away, so the container the start made is still there");

        relay = EngineRelay.open(port);
        // What the reaper does with an ERROR workspace that holds a container or ports.
        assertTrue(lifecycle.holdingResources().contains(id), "the leftover container is seen once the engine is back");
        assertTrue(lifecycle.cleanUpAfterError(id, documents.document(id).getString("statusReason")));
        assertFalse(direct.inspect(id).present(), "the leftover container is gone");
        assertEquals("STOPPED", documents.document(id).getString("status"));

        startAgainAndFindTheFile();
        lifecycle.stop(TESTER, id);
        assertFalse(direct.inspect(id).present());
    }

    @Test
    void engineGoneBetweenCreatingAndStartingTheContainerOfAFirstStart() throws Exception {
        id = documents.insert("first", WorkspaceTemplate.NODE, null, null, WorkspaceStatus.STOPPED).id();
        relay.hold(request -> CONTAINER_START.matcher(request).find());
        CompletableFuture<KalpanaException> start = startExpectingFailure();
        relay.awaitHeld(Duration.ofSeconds(60));
        int port = relay.port();
        relay.close();

        assertFailedForTheEngine(start.get(120, TimeUnit.SECONDS));
        assertTrue(direct.inspect(id).present() && !direct.inspect(id).running(),
                "the engine was away, so the created container is still there, never started");
        assertTrue(direct.volumeExists(id), "and so is the new volume, never filled");

        relay = EngineRelay.open(port);
        assertTrue(lifecycle.start(TESTER, id).secrets().isPresent(), "the same workspace starts again");
        assertTrue(exec("cat /workspace/package.json").contains("\"type\": \"module\""),
                "the next start fills the volume the first one left empty");
        assertEquals(List.of(true), direct.listManaged().stream().filter(c -> c.workspace().equals(Optional.of(id)))
                .map(io.kalpana.runtime.ManagedContainer::running).toList(), "the next start replaced the leftover container");
        lifecycle.stop(TESTER, id);
    }

    private void writeAFileAndStop() {
        lifecycle.start(TESTER, id);
        exec("echo kept > /workspace/kept.txt");
        lifecycle.stop(TESTER, id);
    }

    private CompletableFuture<KalpanaException> startExpectingFailure() {
        return CompletableFuture.supplyAsync(() -> assertThrows(KalpanaException.class, () -> lifecycle.start(TESTER, id),
                "a start that loses the engine fails"));
    }

    private void assertFailedForTheEngine(KalpanaException failure) {
        assertEquals("docker_unavailable", failure.code(), failure.getMessage());
        Document failed = documents.document(id);
        assertEquals("ERROR", failed.getString("status"));
        assertTrue(failed.getString("statusReason").contains("is not reachable"), failed.getString("statusReason"));
        assertEquals(Optional.empty(), ports.heldBy(id.value()), "the failed start's ports are released");
    }

    private void startAgainAndFindTheFile() {
        assertTrue(lifecycle.start(TESTER, id).secrets().isPresent(), "the same workspace starts again");
        assertEquals("RUNNING", documents.document(id).getString("status"));
        assertEquals("kept", exec("cat /workspace/kept.txt"), "the volume's files are intact");
    }

    private String exec(String script) {
        ExecResult result = direct.exec(id, List.of("sh", "-c", script), Duration.ofSeconds(20));
        assertEquals(0, result.exitCode(), result.output());
        return result.output().strip();
    }
}
