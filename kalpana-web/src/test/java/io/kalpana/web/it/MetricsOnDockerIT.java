package io.kalpana.web.it;

import io.kalpana.agent.testllm.ScriptedLlmServer;
import io.kalpana.agent.testllm.ScriptedToolCall;
import io.kalpana.agent.testllm.ScriptedTurn;
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

import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics endpoint as Prometheus scrapes it: after a start, a stop and an agent turn its counters and gauges
 * moved by exactly those, it is refused without credentials and to people, and the scrape token opens it alone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsOnDockerIT {

    private static final String PASSWORD = "metrics-test-password";
    private static final String METRICS = "/api/v1/admin/metrics";
    private static final String SCRAPE_TOKEN = System.getProperty("kalpana.test.metricsToken");
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+(?:\\{[^}]*})?) (\\S+)$", Pattern.MULTILINE);

    private static ScriptedLlmServer llm;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private Api api;
    private ApiFixture fixture;

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
    }

    @AfterEach
    void removeWorkspaces() {
        fixture.removeWorkspaces();
    }

    @Test
    void aStartAStopAndAnAgentTurnShowInTheScrape() throws Exception {
        String admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        Map<String, Double> before = scrape(SCRAPE_TOKEN);
        String person = fixture.personsToken("metered");

        String id = fixture.runningWorkspace(person, "metered", "blank");
        Map<String, Double> running = scrape(admin);
        assertEquals(1, delta(before, running, "kalpana_workspace_start_seconds_count"), "one start counted");
        assertTrue(running.get("kalpana_workspace_start_seconds_sum") > before.getOrDefault("kalpana_workspace_start_seconds_sum", 0.0));
        assertTrue(running.get("kalpana_workspaces{status=\"RUNNING\"}") >= 1);
        assertEquals(2, delta(before, running, "kalpana_ports{state=\"leased\"}"), "a running workspace leases two ports");
        assertEquals(1.0, running.get("kalpana_up{component=\"store\"}"));
        assertEquals(1.0, running.get("kalpana_up{component=\"docker\"}"));

        llm.play(ScriptedTurn.tools(new ScriptedToolCall("m1", "list_files", "{\"path\":\".\"}")),
                ScriptedTurn.text("Nothing ", "here."));
        Api.Reply sent = api.post("/api/v1/workspaces/" + id + "/conversation/messages", person, "{\"text\":\"what is here?\"}");
        assertEquals(202, sent.status(), sent.body());
        Map<String, Double> afterTurn = awaitTurn(admin, before);
        assertEquals(1, delta(before, afterTurn, "kalpana_agent_tool_calls_total{tool=\"list_files\"}"));
        // The scripted model reports 100 prompt tokens per call and one completion token per streamed piece (10 per tool call).
        assertEquals(200, delta(before, afterTurn, "kalpana_agent_tokens_total{kind=\"input\"}"));
        assertEquals(12, delta(before, afterTurn, "kalpana_agent_tokens_total{kind=\"output\"}"));

        assertEquals(200, api.post("/api/v1/workspaces/" + id + "/stop", person, null).status());
        Map<String, Double> stopped = scrape(admin);
        assertEquals(0, delta(before, stopped, "kalpana_ports{state=\"leased\"}"), "the stop gave its ports back");
        assertTrue(stopped.get("kalpana_workspaces{status=\"STOPPED\"}") >= 1);
    }

    @Test
    void theEndpointIsForAdminsAndTheScrapeTokenOnly() {
        String person = fixture.personsToken("nosy");
        assertEquals(401, api.get(METRICS, null).status());
        assertEquals(401, api.get(METRICS, "not-the-scrape-token-" + "x".repeat(40)).status());
        assertEquals(403, api.get(METRICS, person).status());
        Api.Reply scraped = api.get(METRICS, SCRAPE_TOKEN);
        assertEquals(200, scraped.status(), scraped.body());
        String type = scraped.raw().headers().firstValue("Content-Type").orElse("").replace(" ", "");
        assertTrue(type.startsWith("text/plain;") && type.contains("version=0.0.4"), type);
        assertTrue(scraped.body().contains("# TYPE kalpana_workspace_start_seconds histogram"), scraped.body());
        assertEquals(401, api.get("/api/v1/admin/users", SCRAPE_TOKEN).status(), "the scrape token opens nothing else");
        assertEquals(401, api.post(METRICS, SCRAPE_TOKEN, "{}").status(), "nor another method");
    }

    private Map<String, Double> awaitTurn(String admin, Map<String, Double> before) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Map<String, Double> now = scrape(admin);
            if (delta(before, now, "kalpana_agent_turns_total{outcome=\"completed\"}") >= 1) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the agent turn did not end within 30 s: " + scrape(admin));
    }

    private Map<String, Double> scrape(String token) {
        Api.Reply reply = api.get(METRICS, token);
        assertEquals(200, reply.status(), reply.body());
        Map<String, Double> samples = new HashMap<>();
        Matcher sample = SAMPLE.matcher(reply.body());
        while (sample.find()) {
            samples.put(sample.group(1), sample.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY
                    : Double.parseDouble(sample.group(2)));
        }
        return samples;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        return after.getOrDefault(sample, 0.0) - before.getOrDefault(sample, 0.0);
    }
}
