package io.kalpana.agent;

import io.kalpana.agent.testllm.ScriptedLlmServer;
import io.kalpana.agent.testllm.ScriptedTurn;
import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.runtime.DockerTestSupport;
import io.kalpana.runtime.DockerWorkspaceRuntime;
import io.kalpana.runtime.StartedContainer;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.kalpana.agent.AgentConversationTest.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault: the bridge inside a real workspace container is killed while the agent runs a command there. The turn
 * must end with a message that says so, the container's supervisor starts the bridge again, and the next turn
 * works over the same conversation without anyone reconnecting anything by hand.
 */
class AgentBridgeFaultDockerIT {

    private final DockerTestSupport docker = new DockerTestSupport();
    private final DockerWorkspaceRuntime runtime = new DockerWorkspaceRuntime(DockerTestSupport.settings());
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void cleanUp() {
        executor.shutdownNow();
        docker.close();
        runtime.close();
    }

    @Test
    void aKilledBridgeEndsTheTurnClearlyAndTheNextTurnWorksOnceItIsBack() throws Exception {
        WorkspaceId id = docker.newWorkspace();
        StartedContainer started = runtime.start(docker.launch(id));
        BridgeAddress address = new BridgeAddress(URI.create("ws://127.0.0.1:" + started.ports().bridge().number() + "/"),
                started.secrets().bridgeToken().value());
        try (ScriptedLlmServer llm = ScriptedLlmServer.start();
             CurrentBridgeTools tools = new CurrentBridgeTools(() -> address, BridgeClient::create)) {
            AgentSettings settings = AgentConversationTest.settingsFor(llm);
            AgentConversation conversation = new AgentConversation(
                    new WorkspaceContext(id, WorkspaceTemplate.BLANK, Optional.empty(), List.of()),
                    ChatModels.openAiCompatible(settings), tools, settings, CommandApprover.DECLINE_ALL, executor,
                    Clock.systemUTC());

            llm.play(ScriptedTurn.tools(call("b1", "run_command", "{\"command\":\"echo begin; sleep 60; echo never\"}")));
            RecordingListener first = new RecordingListener();
            AgentTurnHandle turn = conversation.send("run something long", first);
            awaitOutput(first, "begin");
            DockerTestSupport.dockerStatus("exec", "kalpana-ws-" + id, "pkill", "-KILL", "-f",
                    "kalpana-bridge.jar");
            TurnSummary ended = turn.finished().get(30, TimeUnit.SECONDS);

            assertEquals(TurnOutcome.FAILED, ended.outcome());
            assertEquals("workspace_unreachable", first.failure == null ? first.events() : first.failure.code());
            assertTrue(first.failure.message().startsWith("The workspace cannot be reached"), first.failure.message());
            assertEquals("workspace_unreachable", conversation.transcript().turns().get(0).errorCode(),
                    "the transcript keeps how the turn ended");

            llm.play(ScriptedTurn.tools(call("b2", "write_file", "{\"path\":\"after.txt\",\"content\":\"bridge is back\\n\"}")),
                    ScriptedTurn.text("Written."));
            TurnSummary again = awaitBridgeBack(conversation);

            assertEquals(TurnOutcome.COMPLETED, again.outcome());
            assertEquals("bridge is back\n", runtime.exec(id, List.of("cat", "/workspace/after.txt"), Duration.ofSeconds(20)).output());
        }
    }

    /** The supervisor restarts the bridge after a second; a turn sent before it listens fails, so try a few times. */
    private static TurnSummary awaitBridgeBack(AgentConversation conversation) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        TurnSummary last = null;
        while (System.nanoTime() < deadline) {
            RecordingListener events = new RecordingListener();
            last = conversation.send("write after.txt", events).finished().get(30, TimeUnit.SECONDS);
            if (last.outcome() != TurnOutcome.FAILED) {
                return last;
            }
            Thread.sleep(500);
        }
        return last;
    }

    private static void awaitOutput(RecordingListener events, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (events) {
                if (events.commandOutput.toString().contains(text)) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + text + "' in the command output: " + events.events());
    }
}
