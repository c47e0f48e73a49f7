package io.kalpana.web.it;

import io.kalpana.agent.testllm.ScriptedLlmServer;
import io.kalpana.agent.testllm.ScriptedToolCall;
import io.kalpana.agent.testllm.ScriptedTurn;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kalpana.runtime.DockerTestSupport.docker;
import static io.kalpana.runtime.DockerTestSupport.dockerStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent end to end: the scripted OpenAI-compatible server on real HTTP/SSE, Kalpana in Payara Micro, a real
 * workspace container whose bridge runs the tools, and the chat in Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentOnDockerIT {

    private static final String PASSWORD = "agent-test-password";
    private static ScriptedLlmServer llm;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private Api api;
    private ApiFixture fixture;
    private String base;

    @BeforeAll
    static void startModel() throws Exception {
        llm = ScriptedLlmServer.start(Integer.getInteger("kalpana.test.llmPort"));
    }

    @AfterAll
    static void stopModel() throws Exception {
        llm.close();
    }

    @BeforeEach
    void connect() {
        api = new Api(KalpanaDeployment.onLoopback(reported));
        fixture = new ApiFixture(api, PASSWORD);
        base = KalpanaDeployment.onLoopback(reported).toString().replaceAll("/$", "");
    }

    @AfterEach
    void removeWorkspaces() {
        fixture.removeWorkspaces();
    }

    @Test
    void aScriptedSessionEditsAFileRunsACommandAndStreamsToEveryTab() throws Exception {
        String name = fixture.person("alice");
        String token = api.token(name, PASSWORD);
        String id = fixture.runningWorkspace(token, "agent-demo", "node");
        llm.play(ScriptedTurn.textThenTools(List.of("Let me ", "look at ", "the files."), call("c1", "list_files", Map.of("path", "."))),
                ScriptedTurn.tools(call("c2", "write_file", Map.of("path", "greeting.txt", "content", "Hello world\n"))),
                ScriptedTurn.tools(call("c3", "edit_file", Map.of("path", "greeting.txt", "search", "world", "replace", "Kalpana"))),
                ScriptedTurn.tools(call("c4", "run_command", Map.of("command",
                        "cat greeting.txt; for i in 1 2 3; do echo line-$i; sleep 0.3; done"))),
                ScriptedTurn.text("I created **greeting.txt**, ", "changed `world` to Kalpana ", "and ran it:\n\n",
                        "- it prints *Hello Kalpana*\n", "- then three lines").pacedBy(Duration.ofMillis(40)));

        ChromeDriver first = Browser.start();
        ChromeDriver second = Browser.start();
        try {
            openWorkspacePage(first, name, id);
            openWorkspacePage(second, name, id);
            WebDriverWait wait = new WebDriverWait(first, Duration.ofSeconds(60));
            first.findElement(By.id("k-chat-input")).sendKeys("Create greeting.txt, greet Kalpana in it and run it");
            first.findElement(By.id("k-chat-send")).click();
            wait.until(d -> events(first).stream().anyMatch(e -> "tool_started".equals(e.get("type"))));
            List<Long> joinedSeqs;
            try (AgentSocketClient late = AgentSocketClient.connect(reported, id, token)) {
                late.awaitType("turn_finished");
                assertEquals("history", late.received.get(0).type());
                assertTrue(late.received.get(0).json().getBoolean("turnRunning"), "joined while the turn ran");
                joinedSeqs = late.received.stream().skip(1).map(m -> m.json().getJsonNumber("seq").longValue()).toList();
            }
            awaitTurnEnds(first, 1);
            awaitTurnEnds(second, 1);
            Browser.screenshot(first, "20-agent-chat-session");

            List<Map<String, Object>> events = events(first);
            List<String> flow = new ArrayList<>();
            for (Map<String, Object> event : events) {
                String type = (String) event.get("type");
                String step = switch (type) {
                    case "token", "tool_output" -> type;
                    case "tool_started", "tool_finished" -> type + " " + event.get("name");
                    default -> type;
                };
                if (flow.isEmpty() || !flow.get(flow.size() - 1).equals(step) || !(type.equals("token") || type.equals("tool_output"))) {
                    flow.add(step);
                }
            }
            assertEquals(List.of("history", "turn_started", "token", "tool_started list_files", "tool_finished list_files",
                    "tool_started write_file", "tool_finished write_file", "tool_started edit_file", "tool_finished edit_file",
                    "tool_started run_command", "tool_output", "tool_finished run_command", "token", "turn_finished"), flow,
                    "tokens and tool output arrive in the order they happened");
            assertTrue(events.stream().filter(e -> "tool_output".equals(e.get("type"))).count() >= 3,
                    "command output streamed in pieces as it was printed");
            assertSeqContiguous(events);
            assertEquals(seqs(events), seqs(events(second)), "the second tab saw the same stream");
            assertEquals(seqs(events), joinedSeqs, "a tab joining mid-turn got the turn so far, then the rest, nothing twice");

            String answer = first.findElements(By.cssSelector(".k-assistant")).get(1).getText();
            assertTrue(answer.contains("I created greeting.txt, changed world to Kalpana and ran it"), answer);
            assertEquals("greeting.txt", first.findElement(By.cssSelector(".k-assistant strong")).getText(), "markdown rendered");
            assertEquals(2, first.findElements(By.cssSelector(".k-assistant li")).size());
            WebElement command = first.findElement(By.cssSelector("details.k-tool[data-tool='run_command'] pre"));
            assertEquals("Hello Kalpana\nline-1\nline-2\nline-3\n", command.getText() + "\n");
            assertEquals("Hello Kalpana\n", docker("exec", "kalpana-ws-" + id, "cat", "/workspace/greeting.txt"),
                    "the edit landed on the workspace volume");

            // A tab opened afterwards, or reloaded, rebuilds the conversation from the stored history.
            second.navigate().refresh();
            new WebDriverWait(second, Duration.ofSeconds(30))
                    .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("details.k-tool"), 4));
            assertTrue(second.findElement(By.id("k-chat-log")).getText().contains("Hello Kalpana"));
            Browser.screenshot(second, "21-agent-chat-history-after-reload");
        } finally {
            first.quit();
            second.quit();
        }

        // The conversation outlives a stop and start of the workspace: new ports, new bridge token, same history.
        assertEquals("STOPPED", api.post("/api/v1/workspaces/" + id + "/stop", token, null).json().getString("status"));
        assertEquals("RUNNING", api.post("/api/v1/workspaces/" + id + "/start", token, null).json().getString("status"));
        llm.play(ScriptedTurn.tools(call("d1", "read_file", Map.of("path", "greeting.txt"))), ScriptedTurn.text("It says Hello Kalpana."));
        assertEquals(202, api.post("/api/v1/workspaces/" + id + "/conversation/messages", token,
                "{\"text\":\"What does greeting.txt say now?\"}").status());
        JsonObject transcript = awaitTurns(id, token, 2);
        JsonObject later = transcript.getJsonArray("turns").getJsonObject(1);
        assertEquals("COMPLETED", later.getString("outcome"));
        assertEquals("Hello Kalpana\n", later.getJsonArray("steps").getJsonObject(0).getJsonArray("toolCalls")
                .getJsonObject(0).getString("result"));
        assertTrue(llm.requests().get(0).messages().stream().anyMatch(m -> m.toString().contains("Create greeting.txt")),
                "the model got the earlier turn as history");
        String audit = api.get("/api/v1/admin/audit?actor=" + name + "&limit=200",
                api.token("admin", KalpanaDeployment.ADMIN_PASSWORD)).body();
        for (String tool : List.of("list_files", "write_file", "edit_file", "run_command", "read_file")) {
            assertTrue(audit.contains("agent.tool." + tool), "the " + tool + " call is audited for " + name + ": " + audit);
        }
    }

    @Test
    void cancelKillsTheCommandAndDenyConfirmAndModelErrorsEndClearly() throws Exception {
        String name = fixture.person("carl");
        String token = api.token(name, PASSWORD);
        String id = fixture.runningWorkspace(token, "agent-rules", "node");
        ChromeDriver driver = Browser.start();
        try {
            openWorkspacePage(driver, name, id);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));

            llm.play(ScriptedTurn.tools(call("k1", "run_command", Map.of("command", "echo begin; sleep 120; echo never"))));
            say(driver, "wait two minutes");
            wait.until(d -> d.findElement(By.cssSelector("details.k-tool pre")).getText().contains("begin"));
            assertEquals(0, dockerStatus("exec", "kalpana-ws-" + id, "pgrep", "-f", "sleep 120"), "the command runs");
            driver.findElement(By.id("k-chat-stop")).click();
            awaitTurnEnds(driver, 1);
            assertTrue(driver.findElement(By.cssSelector(".k-turn-end")).getText().startsWith("Stopped"));
            waitUntilGone(id, "sleep 120");

            llm.play(ScriptedTurn.tools(call("k2", "run_command", Map.of("command", "rm -rf /"))),
                    ScriptedTurn.text("I will not do that."));
            say(driver, "wipe the disk");
            awaitTurnEnds(driver, 2);
            List<WebElement> tools = driver.findElements(By.cssSelector("details.k-tool"));
            assertTrue(tools.get(1).findElement(By.cssSelector(".k-tool-name")).getAttribute("class").contains("failed"));
            assertTrue(tools.get(1).findElement(By.tagName("pre")).getAttribute("textContent").contains("refused"),
                    tools.get(1).getAttribute("textContent"));

            llm.play(ScriptedTurn.tools(call("k3", "run_command", Map.of("command", "git push origin main 2>/dev/null || echo push-attempted"))),
                    ScriptedTurn.text("Pushed."));
            say(driver, "push it");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".k-approval .k-approve")));
            Browser.screenshot(driver, "22-agent-approval-prompt");
            assertTrue(driver.findElement(By.cssSelector(".k-approval code")).getText().startsWith("git push origin main"));
            driver.findElement(By.cssSelector(".k-approval .k-approve")).click();
            awaitTurnEnds(driver, 3);
            assertTrue(driver.findElements(By.cssSelector("details.k-tool pre")).get(2).getText().contains("push-attempted"));
            assertTrue(driver.findElement(By.cssSelector(".k-approval-answer")).getText().startsWith("Approved by " + name));

            llm.play(ScriptedTurn.error(401, "Incorrect API key provided"));
            say(driver, "hello?");
            awaitTurnEnds(driver, 4);
            String error = driver.findElement(By.cssSelector(".k-error")).getText();
            assertTrue(error.contains("API key"), error);
            Browser.screenshot(driver, "23-agent-cancel-deny-confirm-error");

            JsonArray turns = api.get("/api/v1/workspaces/" + id + "/conversation", token).json().getJsonArray("turns");
            assertEquals(List.of("CANCELLED", "COMPLETED", "COMPLETED", "FAILED"),
                    turns.stream().map(t -> t.asJsonObject().getString("outcome")).toList());
            assertEquals("llm_auth", turns.getJsonObject(3).getString("errorCode"));
            assertEquals("hello?", turns.getJsonObject(3).getString("userMessage"), "the failed turn's message is kept");
        } finally {
            driver.quit();
        }
    }

    @Test
    void onlyTheOwnerGetsInAndBadCommandsAreRefusedClearly() throws Exception {
        String alice = fixture.personsToken("ann");
        String bob = fixture.personsToken("ben");
        String id = fixture.workspace(alice, "private", null);

        assertEquals(404, api.get("/api/v1/workspaces/" + id + "/conversation", bob).status());
        assertEquals(404, api.post("/api/v1/workspaces/" + id + "/conversation/messages", bob, "{\"text\":\"hi\"}").status());
        assertEquals(404, api.post("/api/v1/workspaces/" + id + "/conversation/cancel", bob, null).status());
        assertEquals(404, api.get("/api/v1/workspaces/nosuchthing1/conversation", alice).status());
        java.util.concurrent.ExecutionException intruder = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> AgentSocketClient.connect(reported, id, bob));
        assertTrue(String.valueOf(intruder.getCause().getCause()).contains("404"),
                "another person's conversation is refused at the upgrade with 404, like the API: " + intruder.getCause());
        assertThrowsOnConnect(id, null);

        try (AgentSocketClient owner = AgentSocketClient.connect(reported, id, alice)) {
            owner.awaitType("history");
            owner.send("{\"type\":\"send\",\"text\":\"hello\"}");
            assertTrue(owner.awaitType("refused").json().getString("message").contains("is STOPPED"),
                    "a stopped workspace is named as the reason");
            for (String bad : List.of("not json", "{\"type\":\"explode\"}", "{\"type\":\"send\",\"text\":\"   \"}",
                    "{\"type\":\"send\",\"text\":\"" + "x".repeat(40_000) + "\"}", "{\"type\":\"approve\",\"id\":\"nope\"}",
                    "{\"type\":\"approve\",\"id\":\"approval-9\",\"approved\":true}", "[1,2]", "{\"type\":42}")) {
                int before = owner.received.size();
                owner.send(bad);
                AgentSocketClient.Received refused = owner.await(m -> owner.received.indexOf(m) >= before
                        && m.type().equals("refused"), Duration.ofSeconds(10));
                assertFalse(refused.json().getString("message").isBlank(), bad);
            }
        }
        assertEquals(400, api.post("/api/v1/workspaces/" + id + "/conversation/messages", alice, "{\"text\":\"\"}").status());
        assertEquals(400, api.post("/api/v1/workspaces/" + id + "/conversation/messages", alice, "{}").status());
        assertEquals(409, api.post("/api/v1/workspaces/" + id + "/conversation/messages", alice, "{\"text\":\"hi\"}").status());
        assertEquals(404, api.post("/api/v1/workspaces/" + id + "/conversation/approvals/nope", alice, "{\"approved\":true}").status());
        assertEquals(0, api.get("/api/v1/workspaces/" + id + "/conversation", alice).json().getJsonArray("turns").size(),
                "refused messages leave no half turn behind");
    }

    private void assertThrowsOnConnect(String id, String token) throws Exception {
        try (AgentSocketClient anonymous = AgentSocketClient.connect(reported, id, token)) {
            int code = anonymous.closedWith.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertNotEquals(1000, code, "an anonymous connection is not served");
            assertFalse(anonymous.types().contains("history"));
        } catch (java.util.concurrent.ExecutionException refusedAtUpgrade) {
            // Refused before the upgrade (401/403): just as good.
        }
    }

    private void openWorkspacePage(ChromeDriver driver, String name, String id) {
        Browser.signIn(driver, base, name, PASSWORD);
        driver.get(base + "/workspace.xhtml?id=" + id);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "ready".equals(
                d.findElement(By.id("k-chat-state")).getText()));
    }

    /** Waits for the n-th finished turn; on timeout says what the tab saw, which is what one needs to know then. */
    private static void awaitTurnEnds(ChromeDriver driver, int turns) throws java.io.IOException {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> d.findElements(By.cssSelector(".k-turn-end")).size() >= turns);
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(driver, "agent-timeout");
            throw new AssertionError("turn " + turns + " did not end; notice: '"
                    + driver.findElement(By.id("k-chat-notice")).getText() + "', events: " + events(driver), e);
        }
    }

    private static void say(ChromeDriver driver, String text) {
        driver.findElement(By.id("k-chat-input")).sendKeys(text);
        driver.findElement(By.id("k-chat-send")).click();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(ChromeDriver driver) {
        return (List<Map<String, Object>>) driver.executeScript("return window.kalpanaAgent.events;");
    }

    private static List<Long> seqs(List<Map<String, Object>> events) {
        return events.stream().filter(e -> e.get("seq") != null).map(e -> ((Number) e.get("seq")).longValue()).toList();
    }

    private static void assertSeqContiguous(List<Map<String, Object>> events) {
        List<Long> seqs = seqs(events);
        for (int i = 1; i < seqs.size(); i++) {
            assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "no event lost or repeated: " + seqs);
        }
    }

    private JsonObject awaitTurns(String id, String token, int turns) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject transcript = null;
        while (System.nanoTime() < deadline) {
            transcript = api.get("/api/v1/workspaces/" + id + "/conversation", token).json();
            JsonArray all = transcript.getJsonArray("turns");
            if (all.size() >= turns && all.getJsonObject(turns - 1).containsKey("outcome")) {
                return transcript;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the turn did not finish: " + transcript);
    }

    private static void waitUntilGone(String id, String pattern) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (dockerStatus("exec", "kalpana-ws-" + id, "pgrep", "-f", pattern) != 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + pattern + "' still runs in the workspace after cancel");
    }

    private static ScriptedToolCall call(String id, String name, Map<String, String> arguments) {
        jakarta.json.JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder();
        arguments.forEach(json::add);
        return new ScriptedToolCall(id, name, json.build().toString());
    }
}
