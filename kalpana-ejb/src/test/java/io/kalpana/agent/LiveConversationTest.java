package io.kalpana.agent;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.kalpana.agent.testllm.ScriptedLlmServer;
import io.kalpana.agent.testllm.ScriptedTurn;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.kalpana.agent.AgentConversationTest.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared, persisted conversation: events fan out in order to every subscriber, late subscribers catch up
 * without gaps, approvals and cancel work through it, and the transcript in MongoDB carries a conversation
 * across a restart, model history included.
 */
class LiveConversationTest {

    private static final WorkspaceId WORKSPACE = new WorkspaceId("livetest0001");
    private static final Username ALICE = new Username("alice");
    private static ScriptedLlmServer llm;
    private static MongoServer mongo;
    private static MongoClient client;

    @TempDir
    Path root;
    private TempDirWorkspace workspace;
    private ExecutorService executor;
    private ConversationStore store;
    private final List<String> observed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServers() throws IOException {
        llm = ScriptedLlmServer.start();
        mongo = new MongoServer(H2Backend.inMemory());
        var address = mongo.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?retryWrites=false");
    }

    @AfterAll
    static void stopServers() throws IOException {
        llm.close();
        client.close();
        mongo.shutdownNow();
    }

    @BeforeEach
    void createWorkspace() throws IOException {
        Files.writeString(root.resolve("README.md"), "# Demo\nHello world\n");
        workspace = new TempDirWorkspace(root);
        executor = Executors.newCachedThreadPool();
        store = new ConversationStore(() -> client.getDatabase("kalpana").getCollection(ConversationStore.COLLECTION));
        store.delete(WORKSPACE);
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
    void aConversationContinuesAfterARestartWithItsHistory() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "edit_file",
                        "{\"path\":\"README.md\",\"search\":\"Hello world\",\"replace\":\"Hello, Kalpana\"}")),
                ScriptedTurn.tools(call("c2", "run_command", "{\"command\":\"echo ran-it\"}")),
                ScriptedTurn.text("Edited", " and ran."));
        LiveConversation first = live(emptyTranscript());
        Events events = subscribe(first);

        first.send(ALICE, "Greet Kalpana");
        events.awaitType("turn_finished");

        assertEquals("# Demo\nHello, Kalpana\n", Files.readString(root.resolve("README.md")));
        Transcript saved = store.load(WORKSPACE).orElseThrow();
        assertEquals(first.transcript(), saved, "what is stored is exactly what the conversation holds");
        assertEquals(TurnOutcome.COMPLETED, saved.turns().get(0).outcome());
        assertEquals("ran-it\n", saved.turns().get(0).steps().get(1).toolCalls().get(0).result()
                .replaceFirst("^exit code 0\n", ""));
        assertEquals(List.of("turnStarted alice", "tool alice edit_file", "tool alice run_command",
                "turnEnded alice COMPLETED"), observed);

        llm.play(ScriptedTurn.text("You asked me to greet Kalpana."));
        LiveConversation restarted = live(store.load(WORKSPACE).orElseThrow());
        ConversationView view = restarted.subscribe(event -> { });
        assertEquals(1, view.finishedTurns().turns().size());
        assertFalse(view.turnRunning());
        Events again = subscribe(restarted);

        restarted.send(ALICE, "What did I ask?");
        again.awaitType("turn_finished");

        var messages = llm.requests().get(0).messages();
        assertEquals("Greet Kalpana", messages.get(1).getString("content"), "the earlier user message went to the model");
        assertTrue(llm.requests().get(0).toolResults().contains("edited README.md"), llm.requests().get(0).toolResults().toString());
        assertEquals(2, store.load(WORKSPACE).orElseThrow().turns().size());
    }

    @Test
    void aLateSubscriberGetsTheTurnSoFarThenLiveEventsWithoutGaps() throws Exception {
        llm.play(ScriptedTurn.text("one ", "two ", "three ", "four ", "five ", "six").pacedBy(Duration.ofMillis(60)));
        LiveConversation conversation = live(emptyTranscript());
        Events early = subscribe(conversation);

        conversation.send(ALICE, "count");
        early.awaitType("token");
        Thread.sleep(100);
        Events late = new Events();
        ConversationView view = conversation.subscribe(late);
        early.awaitType("turn_finished");
        late.awaitType("turn_finished");

        assertTrue(view.turnRunning());
        List<AgentStreamEvent> caughtUp = new ArrayList<>(view.runningTurn());
        caughtUp.addAll(late.all);
        assertEquals(early.all, caughtUp, "replay plus live equals what the first tab saw");
        assertEquals("turn_started", caughtUp.get(0).type());
        for (int i = 1; i < caughtUp.size(); i++) {
            assertEquals(caughtUp.get(i - 1).seq() + 1, caughtUp.get(i).seq());
        }
    }

    @Test
    void aConfirmCommandWaitsForTheAnswerOfTheUser() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "run_command", "{\"command\":\"git push origin main || echo pushed\"}")),
                ScriptedTurn.text("Done."));
        LiveConversation conversation = live(emptyTranscript());
        Events events = subscribe(conversation);

        conversation.send(ALICE, "push it");
        AgentStreamEvent asked = events.awaitType("approval_needed");
        assertThrows(KalpanaException.class, () -> conversation.answer(ALICE, "approval-999", true));
        conversation.answer(ALICE, (String) asked.data().get("id"), true);
        AgentStreamEvent finished = events.awaitType("tool_finished");
        events.awaitType("turn_finished");

        assertEquals(true, finished.data().get("succeeded"));
        assertTrue(((String) finished.data().get("output")).contains("pushed"), finished.data().toString());
        assertEquals(List.of("turn_started", "tool_started", "approval_needed", "approval_answered", "tool_output",
                "tool_finished", "token", "turn_finished"), events.types().stream().distinct().toList());
    }

    @Test
    void cancelStopsARunningCommandAndTheTurnIsSaved() throws Exception {
        llm.play(ScriptedTurn.tools(call("c1", "run_command", "{\"command\":\"echo started; sleep 60; echo never\"}")));
        LiveConversation conversation = live(emptyTranscript());
        Events events = subscribe(conversation);

        conversation.send(ALICE, "wait a minute");
        events.await(event -> event.type().equals("tool_output"));
        long began = System.nanoTime();
        assertTrue(conversation.cancel(ALICE));
        AgentStreamEvent finished = events.awaitType("turn_finished");

        assertTrue(Duration.ofNanos(System.nanoTime() - began).toSeconds() < 10, "cancel took effect at once");
        assertEquals("CANCELLED", finished.data().get("outcome"));
        assertFalse(conversation.cancel(ALICE), "nothing left to cancel");
        TranscriptTurn turn = store.load(WORKSPACE).orElseThrow().turns().get(0);
        assertEquals(TurnOutcome.CANCELLED, turn.outcome());
        String result = turn.steps().get(0).toolCalls().get(0).result();
        assertTrue(result == null || !result.contains("never"), result);
    }

    @Test
    void aRefusedKeyEndsTheTurnWithAMessageAndTheMessageIsKept() throws Exception {
        llm.play(ScriptedTurn.error(401, "Incorrect API key provided"));
        LiveConversation conversation = live(emptyTranscript());
        Events events = subscribe(conversation);

        conversation.send(ALICE, "hello there");
        AgentStreamEvent error = events.awaitType("error");
        events.awaitType("turn_finished");

        assertEquals("llm_auth", error.data().get("code"));
        TranscriptTurn turn = store.load(WORKSPACE).orElseThrow().turns().get(0);
        assertEquals("hello there", turn.userMessage());
        assertEquals("llm_auth", turn.errorCode());
        assertThrows(KalpanaException.class, () -> conversation.answer(ALICE, "approval-1", true));
    }

    @Test
    void aSecondMessageWhileATurnRunsIsRefused() throws Exception {
        llm.play(ScriptedTurn.text("slow ", "answer").pacedBy(Duration.ofMillis(200)), ScriptedTurn.text("next"));
        LiveConversation conversation = live(emptyTranscript());
        Events events = subscribe(conversation);

        conversation.send(ALICE, "first");
        KalpanaException refused = assertThrows(KalpanaException.class, () -> conversation.send(ALICE, "second"));
        events.awaitType("turn_finished");
        conversation.send(ALICE, "second");
        events.await(event -> event.type().equals("turn_finished") && event.seq() > events.first("turn_finished").seq());

        assertEquals("agent_turn_running", refused.code());
        assertEquals(2, store.load(WORKSPACE).orElseThrow().turns().size());
    }

    private Transcript emptyTranscript() {
        return new Transcript(WORKSPACE.value(), "scripted-model", List.of());
    }

    private LiveConversation live(Transcript stored) {
        AgentSettings settings = AgentConversationTest.settingsFor(llm);
        AgentTurnObserver observer = new AgentTurnObserver() {
            @Override
            public void turnStarted(Username user, WorkspaceId id) {
                observed.add("turnStarted " + user);
            }

            @Override
            public void toolStarted(Username user, WorkspaceId id, ToolCall call) {
                observed.add("tool " + user + " " + call.name());
            }

            @Override
            public void turnEnded(Username user, WorkspaceId id, TurnSummary summary) {
                observed.add("turnEnded " + user + " " + summary.outcome());
            }
        };
        return new LiveConversation(WORKSPACE, store, stored, conversation -> new AgentConversation(
                new WorkspaceContext(WORKSPACE, WorkspaceTemplate.BLANK, Optional.empty(), List.of("README.md")),
                ChatModels.openAiCompatible(settings), workspace, settings, conversation, executor,
                Clock.systemUTC(), conversation.storedTurns()), observer);
    }

    private static Events subscribe(LiveConversation conversation) {
        Events events = new Events();
        conversation.subscribe(events);
        return events;
    }

    /** Collects events and waits for the one a test needs. */
    static final class Events implements AgentStreamSubscriber {

        final List<AgentStreamEvent> all = new CopyOnWriteArrayList<>();

        @Override
        public void accept(AgentStreamEvent event) {
            all.add(event);
        }

        List<String> types() {
            return all.stream().map(AgentStreamEvent::type).toList();
        }

        AgentStreamEvent first(String type) {
            return all.stream().filter(event -> event.type().equals(type)).findFirst().orElseThrow();
        }

        AgentStreamEvent awaitType(String type) throws InterruptedException {
            return await(event -> event.type().equals(type));
        }

        AgentStreamEvent await(Predicate<AgentStreamEvent> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                Optional<AgentStreamEvent> found = all.stream().filter(wanted).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no such event within 20 s; got " + types());
        }
    }
}
