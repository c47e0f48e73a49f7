package io.kalpana.agent;

import io.kalpana.agent.testllm.RecordedRequest;
import io.kalpana.agent.testllm.ScriptedLlmServer;
import io.kalpana.agent.testllm.ScriptedToolCall;
import io.kalpana.agent.testllm.ScriptedTurn;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent over real HTTP/SSE against the scripted model, with a temp directory as its workspace. */
class AgentConversationTest {

    private static final WorkspaceId WORKSPACE = new WorkspaceId("agenttest001");
    private static ScriptedLlmServer llm;

    @TempDir
    Path root;
    private TempDirWorkspace workspace;
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
    void createWorkspace() throws IOException {
        Files.writeString(root.resolve("README.md"), "# Demo\nHello world\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/app.js"), "console.log('hi');\n");
        workspace = new TempDirWorkspace(root);
        executor = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopWorkspace() {
        executor.shutdownNow();
        synchronized (workspace.started) {
            workspace.started.forEach(process -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            });
        }
    }

    @Test
    void scriptedSessionListsReadsEditsRunsAndSummarises() throws Exception {
        llm.play(
                ScriptedTurn.textThenTools(List.of("Let me look", " around."),
                        call("call_1", "list_files", "{\"path\":\".\"}")),
                ScriptedTurn.tools(call("call_2", "read_file", "{\"path\":\"README.md\"}")),
                ScriptedTurn.tools(call("call_3", "edit_file",
                        "{\"path\":\"README.md\",\"search\":\"Hello world\",\"replace\":\"Hello, Kalpana\"}")),
                ScriptedTurn.tools(call("call_4", "run_command", "{\"command\":\"cat README.md && echo done\"}")),
                ScriptedTurn.text("I listed the files,", " edited README.md", " and ran it."));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);

        RecordingListener events = send(conversation, "Greet Kalpana in the README");

        assertEquals(List.of("tokens",
                "started list_files {\"path\":\".\"}", "finished list_files ok",
                "started read_file {\"path\":\"README.md\"}", "finished read_file ok",
                "started edit_file {\"path\":\"README.md\",\"search\":\"Hello world\",\"replace\":\"Hello, Kalpana\"}",
                "finished edit_file ok",
                "started run_command {\"command\":\"cat README.md && echo done\"}", "finished run_command ok",
                "tokens", "turn COMPLETED"), events.events());
        assertEquals("Let me look around.I listed the files, edited README.md and ran it.", events.text.toString());
        assertEquals("# Demo\nHello, Kalpana\n", Files.readString(root.resolve("README.md")));
        assertEquals("# Demo\nHello, Kalpana\ndone\n", events.commandOutput.toString());

        List<RecordedRequest> requests = llm.requests();
        assertEquals(5, requests.size());
        assertEquals("Bearer test-key", requests.get(0).authorization());
        assertEquals(6, requests.get(0).body().getJsonArray("tools").size());
        assertTrue(requests.get(0).messages().get(0).getString("content").contains("Workspace template: node"));
        assertEquals(List.of("README.md\nsrc/\nsrc/app.js"), requests.get(1).toolResults());
        assertEquals("# Demo\nHello world\n", requests.get(2).toolResults().get(1));
        assertEquals("edited README.md", requests.get(3).toolResults().get(2));
        assertEquals("exit code 0\n# Demo\nHello, Kalpana\ndone\n", requests.get(4).toolResults().get(3));

        Transcript transcript = conversation.transcript();
        TranscriptTurn turn = transcript.turns().get(0);
        assertEquals(TurnOutcome.COMPLETED, turn.outcome());
        assertEquals(5, turn.steps().size());
        assertEquals("Let me look around.", turn.steps().get(0).assistantText());
        assertEquals("TOOL_EXECUTION", turn.steps().get(0).finishReason());
        ToolCallRecord command = turn.steps().get(3).toolCalls().get(0);
        assertEquals("run_command", command.name());
        assertEquals("exit code 0\n# Demo\nHello, Kalpana\ndone\n", command.result());
        assertEquals(new TokenCounts(500, 45, 545), turn.usage());
        assertEquals(turn.usage(), events.summary.usage());
        assertEquals(5, events.summary.modelCalls());
    }

    @Test
    void longCommandOutputIsShortenedForTheModelButKeptWhole() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "run_command", "{\"command\":\"seq 1 20000\"}")),
                ScriptedTurn.text("Counted."));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);

        RecordingListener events = send(conversation, "count");

        String sent = llm.requests().get(1).toolResults().get(0);
        assertTrue(sent.length() < 2200, "model got " + sent.length() + " characters");
        assertTrue(sent.startsWith("exit code 0\n1\n2\n3\n"));
        assertTrue(sent.endsWith("19999\n20000\n"));
        assertTrue(sent.contains("characters left out"));
        String kept = conversation.transcript().turns().get(0).steps().get(0).toolCalls().get(0).result();
        assertTrue(kept.contains("\n10000\n"));
        assertEquals(events.commandOutput.length() + "exit code 0\n".length(), kept.length());
    }

    @Test
    void unauthorizedKeyEndsTheTurnWithoutRetrying() throws Exception {
        llm.play(ScriptedTurn.error(401, "Incorrect API key provided"));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);

        RecordingListener events = send(conversation, "hello");

        assertEquals(List.of("error llm_auth", "turn FAILED"), events.events());
        assertTrue(events.failure.message().contains("refused the API key"), events.failure.message());
        assertFalse(events.failure.message().contains("test-key"));
        assertEquals(1, llm.requests().size());
        TranscriptTurn turn = conversation.transcript().turns().get(0);
        assertEquals("hello", turn.userMessage());
        assertEquals("llm_auth", turn.errorCode());
    }

    @Test
    void rateLimitIsRetriedAndThenSucceeds() throws Exception {
        llm.play(ScriptedTurn.error(429, "Rate limit reached"), ScriptedTurn.text("Fine", " now."));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);

        RecordingListener events = send(conversation, "hello");

        assertEquals(List.of("tokens", "turn COMPLETED"), events.events());
        assertEquals("Fine now.", events.text.toString());
        assertEquals(2, llm.requests().size());
    }

    @Test
    void rateLimitThatLastsEndsTheTurnAfterTheRetries() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "list_files", "{}")), ScriptedTurn.error(429, "slow down"),
                ScriptedTurn.error(429, "slow down"), ScriptedTurn.error(429, "slow down"));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);

        RecordingListener events = send(conversation, "hello");

        assertEquals(List.of("started list_files {}", "finished list_files ok", "error llm_rate_limited",
                "turn FAILED"), events.events());
        assertTrue(events.failure.message().contains("after 3 attempts"), events.failure.message());
        assertEquals(4, llm.requests().size());
        TranscriptTurn turn = conversation.transcript().turns().get(0);
        assertEquals("README.md\nsrc/\nsrc/app.js", turn.steps().get(0).toolCalls().get(0).result());
    }

    @Test
    void streamCutMidwayKeepsWhatArrivedAndTheConversationGoesOn() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "read_file", "{\"path\":\"README.md\"}")),
                ScriptedTurn.text("The README ", "says ", "hello ", "world").cutAfter(3)
                        .pacedBy(Duration.ofMillis(30)));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);

        RecordingListener events = send(conversation, "What does the README say?");

        assertEquals(List.of("started read_file {\"path\":\"README.md\"}", "finished read_file ok", "tokens",
                "error llm_stream_broken", "turn FAILED"), events.events());
        assertTrue(events.failure.message().contains("broke off"), events.failure.message());
        assertEquals("The README says ", events.text.toString());
        TranscriptTurn turn = conversation.transcript().turns().get(0);
        assertEquals("The README says ", turn.steps().get(1).assistantText());
        assertNull(turn.steps().get(1).finishReason());
        assertEquals("# Demo\nHello world\n", turn.steps().get(0).toolCalls().get(0).result());

        llm.play(ScriptedTurn.text("It says hello world."));
        RecordingListener again = send(conversation, "Try again");

        assertEquals("turn COMPLETED", again.events().get(again.events().size() - 1));
        List<RecordedRequest> requests = llm.requests();
        assertEquals(List.of("# Demo\nHello world\n"), requests.get(0).toolResults());
        assertEquals(2, conversation.transcript().turns().size());
    }

    @Test
    void malformedToolArgumentsGoBackToTheModelAsAnError() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "read_file", "{\"path\": \"README.md\"")),
                ScriptedTurn.text("Sorry."));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);

        RecordingListener events = send(conversation, "read it");

        assertEquals(List.of("started read_file {\"path\": \"README.md\"", "finished read_file failed", "tokens",
                "turn COMPLETED"), events.events());
        String sent = llm.requests().get(1).toolResults().get(0);
        assertTrue(sent.startsWith("Error: the arguments of read_file are not valid JSON"), sent);
    }

    @Test
    void unknownToolGoesBackToTheModelWithTheToolList() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "format_disk", "{\"disk\":\"/dev/sda\"}")),
                ScriptedTurn.text("I cannot."));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);

        RecordingListener events = send(conversation, "format");

        assertEquals(List.of("started format_disk {\"disk\":\"/dev/sda\"}", "finished format_disk failed", "tokens",
                "turn COMPLETED"), events.events());
        assertEquals("Error: there is no tool 'format_disk'; the tools are read_file, write_file, edit_file,"
                + " list_files, search, run_command", llm.requests().get(1).toolResults().get(0));
    }

    @Test
    void unreachableModelEndsTheTurnWithAClearMessage() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        AgentSettings settings = settings().withBaseUrl("http://127.0.0.1:" + closedPort + "/v1");
        AgentConversation conversation = conversation(settings, CommandApprover.DECLINE_ALL);

        RecordingListener events = send(conversation, "hello");

        assertEquals(List.of("error llm_unreachable", "turn FAILED"), events.events());
        assertTrue(events.failure.message().contains("cannot be reached"), events.failure.message());
    }

    @Test
    void unreachableWorkspaceEndsTheTurn() throws Exception {
        llm.play(ScriptedTurn.textThenTools(List.of("Looking."), call("c1", "list_files", "{}")));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);
        workspace.goAway();

        RecordingListener events = send(conversation, "list");

        assertEquals(List.of("tokens", "started list_files {}", "error workspace_unreachable", "turn FAILED"),
                events.events());
        assertEquals("Looking.", conversation.transcript().turns().get(0).steps().get(0).assistantText());
    }

    @Test
    void deniedCommandIsRefusedWithoutRunning() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "run_command", "{\"command\":\"cd /tmp && rm -rf / \"}")),
                ScriptedTurn.text("Understood."));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);

        RecordingListener events = send(conversation, "clean up");

        assertEquals("finished run_command failed", events.events().get(1));
        assertTrue(llm.requests().get(1).toolResults().get(0)
                .startsWith("Error: refused: this workspace never runs commands matching the rule"));
        assertTrue(workspace.started.isEmpty());
    }

    @Test
    void confirmedCommandRunsOnlyAfterApproval() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "run_command", "{\"command\":\"echo pushed # git push\"}")),
                ScriptedTurn.text("Pushed."));
        List<String> asked = new CopyOnWriteArrayList<>();
        CommandApprover approver = (ws, command, rule) -> {
            asked.add(ws + " " + command + " " + rule);
            return CompletableFuture.supplyAsync(() -> true,
                    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        };
        AgentConversation conversation = conversation(settings(), approver);

        RecordingListener events = send(conversation, "push");

        assertEquals(List.of("agenttest001 echo pushed # git push \\bgit\\s+push\\b"), asked);
        assertEquals("finished run_command ok", events.events().get(1));
        assertEquals("exit code 0\npushed\n", llm.requests().get(1).toolResults().get(0));
    }

    @Test
    void declinedCommandDoesNotRun() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "run_command", "{\"command\":\"git push --force\"}")),
                ScriptedTurn.text("OK."));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);

        send(conversation, "push");

        assertTrue(llm.requests().get(1).toolResults().get(0).startsWith("Error: the user declined"));
        assertTrue(workspace.started.isEmpty());
    }

    @Test
    void cancellingWhileWaitingForApprovalEndsTheTurn() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "run_command", "{\"command\":\"git push\"}")));
        CompletableFuture<Void> asked = new CompletableFuture<>();
        AgentConversation conversation = conversation(settings(), (ws, command, rule) -> {
            asked.complete(null);
            return new CompletableFuture<>();
        });
        RecordingListener events = new RecordingListener();
        AgentTurnHandle turn = conversation.send("push", events);
        asked.get(10, TimeUnit.SECONDS);

        turn.cancel();

        assertEquals(TurnOutcome.CANCELLED, turn.finished().get(3, TimeUnit.SECONDS).outcome());
        assertTrue(workspace.started.isEmpty());
    }

    @Test
    void cancelKillsARunningCommandAndTheNextTurnSeesWhy() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "run_command", "{\"command\":\"echo started; sleep 30; echo late\"}")));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);
        RecordingListener events = new RecordingListener();
        AgentTurnHandle turn = conversation.send("wait a while", events);
        events.commandStarted.get(10, TimeUnit.SECONDS);
        Process process = workspace.started.get(0);
        List<ProcessHandle> children = process.descendants().toList();

        long start = System.nanoTime();
        turn.cancel();
        TurnSummary summary = turn.finished().get(5, TimeUnit.SECONDS);

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3000);
        assertEquals(TurnOutcome.CANCELLED, summary.outcome());
        assertEquals(List.of("started run_command {\"command\":\"echo started; sleep 30; echo late\"}",
                "turn CANCELLED"), events.events());
        assertTrue(process.waitFor(2, TimeUnit.SECONDS));
        for (ProcessHandle child : children) {
            assertTrue(endsWithin(child, Duration.ofSeconds(2)), "process " + child.pid() + " still runs");
        }
        assertFalse(events.commandOutput.toString().contains("late"));

        llm.play(ScriptedTurn.text("Stopped."));
        send(conversation, "what happened?");
        assertEquals(List.of("Not completed: the user cancelled the turn."), llm.requests().get(0).toolResults());
    }

    @Test
    void cancelStopsTheModelStream() throws Exception {
        String[] tokens = new String[100];
        java.util.Arrays.fill(tokens, "word ");
        llm.play(ScriptedTurn.text(tokens).pacedBy(Duration.ofMillis(50)));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);
        RecordingListener events = new RecordingListener();
        AgentTurnHandle turn = conversation.send("talk", events);
        events.firstToken.get(10, TimeUnit.SECONDS);

        turn.cancel();

        assertEquals(TurnOutcome.CANCELLED, turn.finished().get(2, TimeUnit.SECONDS).outcome());
        int shown = events.text.length();
        Thread.sleep(300);
        assertEquals(shown, events.text.length(), "tokens kept arriving after the cancel");
        assertTrue(shown < 100 * 5);
        String recorded = conversation.transcript().turns().get(0).steps().get(0).assistantText();
        assertEquals(events.text.toString(), recorded);
    }

    @Test
    void stepLimitStopsAModelThatNeverFinishes() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "list_files", "{}")), ScriptedTurn.tools(call("c2", "list_files", "{}")));
        AgentConversation conversation = conversation(settings().withMaxSteps(2), CommandApprover.DECLINE_ALL);

        RecordingListener events = send(conversation, "loop");

        assertEquals(List.of("started list_files {}", "finished list_files ok", "started list_files {}",
                "finished list_files ok", "error agent_step_limit", "turn STEP_LIMIT"), events.events());
        assertEquals(2, llm.requests().size());
    }

    @Test
    void secondMessageWhileATurnRunsIsRefused() throws Exception {
        llm.play(ScriptedTurn.text("slow ", "answer").pacedBy(Duration.ofMillis(300)));
        AgentConversation conversation = conversation(settings(), CommandApprover.DECLINE_ALL);
        AgentTurnHandle first = conversation.send("one", new RecordingListener());

        io.kalpana.problem.KalpanaException refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.kalpana.problem.KalpanaException.class, () -> conversation.send("two", new RecordingListener()));

        assertEquals("agent_turn_running", refused.code());
        assertEquals(TurnOutcome.COMPLETED, first.finished().get(10, TimeUnit.SECONDS).outcome());
    }

    /**
     * Reads the state from /proc because an orphan killed with its shell stays a zombie when the container's
     * init does not reap, and ProcessHandle counts zombies as alive.
     */
    private static boolean endsWithin(ProcessHandle process, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    static ScriptedToolCall call(String id, String name, String arguments) {
        return new ScriptedToolCall(id, name, arguments);
    }

    private static AgentSettings settings() {
        return settingsFor(llm);
    }

    /** Fast retries and a small output limit, so the tests see both at work. */
    static AgentSettings settingsFor(ScriptedLlmServer server) {
        return new AgentSettings(server.baseUrl(), Optional.of("test-key"), "scripted-model", Duration.ofSeconds(10),
                2, Duration.ofMillis(50), 8, Duration.ofSeconds(30), 2000,
                List.of("\\brm\\s+-[a-zA-Z]*r[a-zA-Z]*\\s+/(\\s|$)"), List.of("\\bgit\\s+push\\b"));
    }

    private AgentConversation conversation(AgentSettings settings, CommandApprover approver) {
        WorkspaceContext context = new WorkspaceContext(WORKSPACE, WorkspaceTemplate.NODE, Optional.empty(),
                List.of("README.md", "src"));
        return new AgentConversation(context, ChatModels.openAiCompatible(settings), workspace, settings, approver,
                executor, Clock.systemUTC());
    }

    private static RecordingListener send(AgentConversation conversation, String message) throws Exception {
        RecordingListener events = new RecordingListener();
        conversation.send(message, events).finished().get(20, TimeUnit.SECONDS);
        return events;
    }
}
