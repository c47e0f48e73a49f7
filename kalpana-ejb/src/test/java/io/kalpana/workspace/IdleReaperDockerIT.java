package io.kalpana.workspace;

import io.kalpana.audit.RecordingAuditLog;
import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.port.PortPair;
import io.kalpana.quota.QuotaService;
import io.kalpana.reaper.ActivityRecorder;
import io.kalpana.reaper.RecordingReaperActions;
import io.kalpana.reaper.SweepRunner;
import io.kalpana.runtime.DockerTestSupport;
import io.kalpana.runtime.DockerWorkspaceRuntime;
import io.kalpana.runtime.ExecResult;
import io.kalpana.settings.LiveSettings;
import io.kalpana.settings.SettingsService;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reaper against real workspace containers with a one-minute idle timeout, a 30-second warning and a sweep
 * every 3 seconds: an untouched workspace is warned, then stopped with its files kept; one whose IDE is used
 * (requests to code-server, which beat its heart), one with agent turns going on, and one kept running after its
 * warning are not stopped, though each is watched past the moment it would have been.
 */
@Timeout(400)
class IdleReaperDockerIT {

    private static final Logger LOG = Logger.getLogger(IdleReaperDockerIT.class.getName());
    private static final Caller TESTER = new Caller(new Username("tester"), Set.of(Role.USER));
    private static final Duration IDLE = Duration.ofMinutes(1);
    private static final Duration WARN = Duration.ofSeconds(30);
    private static final Duration SWEEP = Duration.ofSeconds(3);

    private WorkspaceDocuments documents;
    private DockerWorkspaces workspaces;
    private DockerWorkspaceRuntime runtime;
    private WorkspaceStates states;
    private WorkspaceLifecycle lifecycle;
    private ActivityRecorder recorder;
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private List<WorkspaceId> created;
    private final ScheduledExecutorService background = Executors.newScheduledThreadPool(3);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() {
        workspaces = new DockerWorkspaces();
        documents = workspaces.documents();
        runtime = workspaces.runtime();
        created = workspaces.created();
        states = new WorkspaceStates(documents::database, Clock.systemUTC());
        LiveSettings live = new LiveSettings(IDLE, WARN, Optional.empty(), Optional.empty(), 10, 10);
        SettingsService settings = new SettingsService(documents::database, () -> live, audit, Clock.systemUTC());
        lifecycle = documents.lifecycle(states, new InMemoryPortAllocator(), runtime);
        // This test reads the audit trail and runs with its own idle settings.
        lifecycle.audit = audit;
        lifecycle.quotas = new QuotaService(documents::database, settings, user -> true, audit, Clock.systemUTC());
        recorder = new ActivityRecorder(states, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        workspaces.close();
    }

    @Test
    void onlyTheUntouchedWorkspaceIsWarnedThenStoppedAndItsFilesSurvive() throws Exception {
        WorkspaceId untouched = started("untouched");
        exec(untouched, "echo 'still here' > /workspace/kept.txt");
        WorkspaceId editing = started("editing");
        WorkspaceId agent = started("agent");
        WorkspaceId kept = started("kept");
        Instant lastStarted = Instant.now();

        PortPair editingPorts = lifecycle.ports.heldBy(editing.value()).orElseThrow();
        background.scheduleWithFixedDelay(() -> touchIde(editingPorts), 0, 10, TimeUnit.SECONDS);
        background.scheduleWithFixedDelay(() -> recorder.record(WorkspaceActivity.now(agent, ActivitySignal.AGENT_TURN)),
                0, 5, TimeUnit.SECONDS);
        RecordingReaperActions actions = new RecordingReaperActions(lifecycle, runtime, lifecycle.metrics);
        SweepRunner runner = new SweepRunner(documents::database, "test-instance", Duration.ofMinutes(2),
                () -> new LiveSettings(IDLE, WARN, Optional.empty(), Optional.empty(), 10, 10), states, actions, audit,
                Clock.systemUTC());
        background.scheduleWithFixedDelay(() -> {
            try {
                recorder.flush();
                runner.sweepOnce();
            } catch (RuntimeException e) {
                LOG.warning("sweep failed: " + e);
            }
        }, 0, SWEEP.toMillis(), TimeUnit.MILLISECONDS);

        boolean untouchedWarnedWhileRunning = false;
        boolean keptWarned = false;
        // Past the moment the last started workspace would have been stopped without its activity, plus two sweeps.
        Instant watchUntil = lastStarted.plus(IDLE).plus(SWEEP.multipliedBy(3));
        while (Instant.now().isBefore(watchUntil) || status(untouched) != WorkspaceStatus.STOPPED) {
            assertTrue(Instant.now().isBefore(lastStarted.plus(Duration.ofMinutes(3))), "the untouched workspace was never stopped");
            Document untouchedNow = document(untouched);
            if ("IDLE".equals(untouchedNow.getString("warningKind")) && "RUNNING".equals(untouchedNow.getString("status"))) {
                untouchedWarnedWhileRunning = true;
            }
            if (!keptWarned && "IDLE".equals(document(kept).getString("warningKind"))) {
                keptWarned = true;
                // What the dashboard's "Keep running" button does for a running workspace.
                recorder.record(WorkspaceActivity.now(kept, ActivitySignal.KEEP_RUNNING));
                assertEquals(null, document(kept).getString("warning"), "keeping lifts the warning at once");
            }
            for (WorkspaceId busy : List.of(editing, agent, kept)) {
                assertEquals(WorkspaceStatus.RUNNING, status(busy), "workspace=" + busy + " " + document(busy).toJson());
            }
            Thread.sleep(500);
        }

        assertTrue(untouchedWarnedWhileRunning, "the untouched workspace was warned before it was stopped");
        assertTrue(keptWarned, "the kept workspace was warned, then kept");
        Document stopped = document(untouched);
        assertEquals("stopped after 1 min without activity", stopped.getString("statusReason"));
        assertFalse(runtime.inspect(untouched).present(), "container removed");
        assertEquals(Optional.empty(), lifecycle.ports.heldBy(untouched.value()), "ports released");
        assertTrue(runtime.volumeExists(untouched), "volume kept");

        assertEquals("IDE", document(editing).getString("lastSignal"), "the editor counted, read from code-server");
        assertEquals("AGENT_TURN", document(agent).getString("lastSignal"));
        assertEquals("KEEP_RUNNING", document(kept).getString("lastSignal"));

        List<String> untouchedEvents = audit.entries().stream()
                .filter(entry -> entry.target().equals("workspace:" + untouched) && entry.actor().equals("system"))
                .map(RecordingAuditLog.Entry::action).toList();
        assertEquals(List.of("workspace.warn", "workspace.stop"), untouchedEvents);
        assertEquals(1, audit.withAction("workspace.stop").size(), "no other workspace was stopped");
        assertEquals(List.of(), actions.deleted(), "retention is off: nothing deleted");

        background.shutdownNow();
        lifecycle.start(TESTER, untouched);
        assertEquals("still here", exec(untouched, "cat /workspace/kept.txt"), "files survive the idle stop");
    }

    private WorkspaceId started(String name) {
        Workspace workspace = documents.insert(name, WorkspaceStatus.STOPPED);
        created.add(workspace.id());
        lifecycle.start(TESTER, workspace.id());
        return workspace.id();
    }

    /** A request code-server handles like a browser's (its login page): it beats the heart, /healthz would not. */
    private void touchIde(PortPair ports) {
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.ide().number() + "/login"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            LOG.warning("IDE request failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private WorkspaceStatus status(WorkspaceId id) {
        return states.statusOf(id).orElseThrow();
    }

    private Document document(WorkspaceId id) {
        return documents.document(id);
    }

    private String exec(WorkspaceId id, String script) {
        ExecResult result = runtime.exec(id, List.of("sh", "-c", script), Duration.ofSeconds(20));
        assertEquals(0, result.exitCode(), result.output());
        return result.output().strip();
    }
}
