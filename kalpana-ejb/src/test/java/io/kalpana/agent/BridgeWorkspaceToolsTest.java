package io.kalpana.agent;

import io.kalpana.agent.testllm.RecordedRequest;
import io.kalpana.agent.testllm.ScriptedLlmServer;
import io.kalpana.agent.testllm.ScriptedToolCall;
import io.kalpana.agent.testllm.ScriptedTurn;
import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.bridge.client.BridgeClientConfig;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scripted session again, this time through a real bridge process and the Java BridgeClient. */
class BridgeWorkspaceToolsTest {

    private static final Path BRIDGE_JAR = Path.of("../kalpana-bridge/server/target/kalpana-bridge.jar");
    private static final Pattern READY = Pattern.compile("kalpana-bridge ready on .*:(\\d+) ");
    private static final String TOKEN = "bridge-test-token";

    private static ScriptedLlmServer llm;
    private Path scratch;
    private Path root;
    private Process bridgeProcess;
    private BridgeClient bridge;
    private ExecutorService executor;

    @BeforeAll
    static void startModel() throws IOException {
        llm = ScriptedLlmServer.start();
    }

    @AfterAll
    static void stopModel() throws IOException {
        llm.close();
    }

    @BeforeEach
    void startBridge() throws Exception {
        assertTrue(Files.isRegularFile(BRIDGE_JAR), "build the bridge first: " + BRIDGE_JAR.toAbsolutePath());
        scratch = Files.createTempDirectory("agent-bridge");
        root = Files.createDirectories(scratch.resolve("workspace"));
        Path home = Files.createDirectories(scratch.resolve("home"));
        Files.writeString(root.resolve("README.md"), "# Demo\nHello world\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/app.js"), "console.log('hi');\n");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", BRIDGE_JAR.toAbsolutePath().toString()).redirectErrorStream(true);
        builder.environment().put("KALPANA_BRIDGE_TOKEN", TOKEN);
        builder.environment().put("KALPANA_BRIDGE_ROOT", root.toString());
        builder.environment().put("KALPANA_BRIDGE_PORT", "0");
        builder.environment().put("KALPANA_BRIDGE_BIND", "127.0.0.1");
        builder.environment().put("HOME", home.toString());
        bridgeProcess = builder.start();
        int port = awaitReady(bridgeProcess);
        executor = Executors.newCachedThreadPool();
        bridge = BridgeClient.create(BridgeClientConfig.of(URI.create("ws://127.0.0.1:" + port + "/"), TOKEN)
                .withRequestTimeout(Duration.ofSeconds(5)).withConnectTimeout(Duration.ofSeconds(3)));
    }

    @AfterEach
    void stopBridge() throws Exception {
        bridge.close();
        executor.shutdownNow();
        bridgeProcess.destroy();
        if (!bridgeProcess.waitFor(5, TimeUnit.SECONDS)) {
            bridgeProcess.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(scratch)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void scriptedSessionRunsThroughTheBridge() throws Exception {
        llm.play(
                ScriptedTurn.tools(call("call_1", "list_files", "{\"path\":\".\"}")),
                ScriptedTurn.tools(call("call_2", "read_file", "{\"path\":\"README.md\"}")),
                ScriptedTurn.tools(call("call_3", "edit_file",
                        "{\"path\":\"README.md\",\"search\":\"Hello world\",\"replace\":\"Hello, Kalpana\"}")),
                ScriptedTurn.tools(call("call_4", "run_command", "{\"command\":\"cat README.md && echo done\"}")),
                ScriptedTurn.text("Done:", " README greets Kalpana."));
        AgentConversation conversation = conversation();
        RecordingListener events = new RecordingListener();

        TurnSummary summary = conversation.send("Greet Kalpana", events).finished().get(30, TimeUnit.SECONDS);

        assertEquals(TurnOutcome.COMPLETED, summary.outcome(), events.events().toString());
        assertEquals(List.of("started list_files {\"path\":\".\"}", "finished list_files ok",
                "started read_file {\"path\":\"README.md\"}", "finished read_file ok",
                "started edit_file {\"path\":\"README.md\",\"search\":\"Hello world\",\"replace\":\"Hello, Kalpana\"}",
                "finished edit_file ok",
                "started run_command {\"command\":\"cat README.md && echo done\"}", "finished run_command ok",
                "tokens", "turn COMPLETED"), events.events());
        assertEquals("# Demo\nHello, Kalpana\n", Files.readString(root.resolve("README.md")));
        List<RecordedRequest> requests = llm.requests();
        assertEquals("README.md\nsrc/\nsrc/app.js", requests.get(1).toolResults().get(0));
        assertEquals("# Demo\nHello world\n", requests.get(2).toolResults().get(1));
        assertEquals("exit code 0\n# Demo\nHello, Kalpana\ndone\n", requests.get(4).toolResults().get(3));
        assertEquals("# Demo\nHello, Kalpana\ndone\n", events.commandOutput.toString());
    }

    @Test
    void bridgeRefusalsGoBackToTheModel() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "read_file", "{\"path\":\"../etc/passwd\"}"),
                        call("c2", "edit_file", "{\"path\":\"README.md\",\"search\":\"absent\",\"replace\":\"x\"}")),
                ScriptedTurn.text("Understood."));
        RecordingListener events = new RecordingListener();

        conversation().send("peek", events).finished().get(30, TimeUnit.SECONDS);

        List<String> results = llm.requests().get(1).toolResults();
        assertTrue(results.get(0).startsWith("Error: path_outside_workspace"), results.get(0));
        assertTrue(results.get(1).startsWith("Error: edit_no_match"), results.get(1));
        assertEquals("turn COMPLETED", events.events().get(events.events().size() - 1));
    }

    @Test
    void cancelKillsTheBridgeCommand() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "run_command", "{\"command\":\"echo started; sleep 30; echo late\"}")));
        RecordingListener events = new RecordingListener();
        AgentTurnHandle turn = conversation().send("wait", events);
        events.commandStarted.get(15, TimeUnit.SECONDS);

        long start = System.nanoTime();
        turn.cancel();
        TurnSummary summary = turn.finished().get(5, TimeUnit.SECONDS);

        assertEquals(TurnOutcome.CANCELLED, summary.outcome());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3000);
        CompletableFuture<Integer> running = bridge.activity().thenApply(a -> a.runningCommands());
        assertEquals(0, running.get(5, TimeUnit.SECONDS));
        assertFalse(events.commandOutput.toString().contains("late"));
    }

    @Test
    void stoppedBridgeEndsTheTurnWithAClearMessage() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "list_files", "{}")));
        bridgeProcess.destroy();
        assertTrue(bridgeProcess.waitFor(5, TimeUnit.SECONDS));
        RecordingListener events = new RecordingListener();

        conversation().send("list", events).finished().get(30, TimeUnit.SECONDS);

        assertEquals(List.of("started list_files {}", "error workspace_unreachable", "turn FAILED"), events.events());
        assertTrue(events.failure.message().startsWith("The workspace cannot be reached"), events.failure.message());
    }

    private AgentConversation conversation() {
        AgentSettings settings = AgentConversationTest.settingsFor(llm);
        WorkspaceContext context = new WorkspaceContext(new WorkspaceId("bridgetest01"), WorkspaceTemplate.NODE,
                Optional.empty(), List.of("README.md", "src"));
        return new AgentConversation(context, ChatModels.openAiCompatible(settings), new BridgeWorkspaceTools(bridge),
                settings, CommandApprover.DECLINE_ALL, executor, Clock.systemUTC());
    }

    private static ScriptedToolCall call(String id, String name, String arguments) {
        return new ScriptedToolCall(id, name, arguments);
    }

    private static int awaitReady(Process process) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    Matcher ready = READY.matcher(line);
                    if (ready.find()) {
                        return Integer.parseInt(ready.group(1));
                    }
                }
                throw new IllegalStateException("bridge exited before it was ready");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        int ready = port.get(30, TimeUnit.SECONDS);
        Thread drain = new Thread(() -> output.lines().forEach(line -> { }), "bridge-output");
        drain.setDaemon(true);
        drain.start();
        return ready;
    }
}
