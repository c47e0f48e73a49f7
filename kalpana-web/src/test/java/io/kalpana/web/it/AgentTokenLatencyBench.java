package io.kalpana.web.it;

import io.kalpana.agent.testllm.ScriptedLlmServer;
import io.kalpana.agent.testllm.ScriptedTurn;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Benchmark, not a test: added latency of the agent stream, from the scripted model writing a token to its SSE
 * stream to a WebSocket client of /ws/agent/{id} receiving it, through Kalpana in Payara Micro (langchain4j,
 * the conversation's fan-out, the WebSocket). Both ends run in this JVM, so one clock measures both. Run with
 * {@code ./kalpana bench}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentTokenLatencyBench {

    private static final int WARM_UP_TOKENS = 300;
    private static final int TOKENS_PER_TURN = 400;
    private static final int MEASURED_TURNS = 3;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    @Test
    void measure() throws Exception {
        Api api = new Api(KalpanaDeployment.onLoopback(reported));
        String admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        String id = api.post("/api/v1/workspaces", admin, "{\"name\":\"bench-agent-" + UUID.randomUUID().toString().substring(0, 8)
                + "\"}").json().getString("id");
        Api.Reply started = api.post("/api/v1/workspaces/" + id + "/start", admin, null);
        if (started.status() != 200) {
            throw new IllegalStateException("start failed: " + started.body());
        }
        List<Long> latenciesMicros = new ArrayList<>();
        try (ScriptedLlmServer llm = ScriptedLlmServer.start(Integer.getInteger("kalpana.test.llmPort"));
             AgentSocketClient client = AgentSocketClient.connect(reported, id, admin)) {
            client.awaitType("history");
            List<Long> emitted = new CopyOnWriteArrayList<>();
            llm.onTokenEmitted(emitted::add);
            runTurn(llm, client, emitted, WARM_UP_TOKENS);
            for (int turn = 0; turn < MEASURED_TURNS; turn++) {
                latenciesMicros.addAll(runTurn(llm, client, emitted, TOKENS_PER_TURN));
            }
        } finally {
            api.removeWorkspace(id, admin);
        }
        Collections.sort(latenciesMicros);
        long p50 = percentile(latenciesMicros, 50);
        long p99 = percentile(latenciesMicros, 99);
        String table = String.format(Locale.ROOT, "| tokens | p50 µs | p99 µs | max µs |%n|---|---|---|---|%n| %d | %d | %d | %d |%n"
                        + "goal p50 < 5000 µs: %s%n", latenciesMicros.size(), p50, p99,
                latenciesMicros.get(latenciesMicros.size() - 1), p50 < 5000 ? "met" : "missed");
        BenchSection.write("Agent token latency, model SSE → browser WebSocket", table);
        Path out = Path.of(System.getProperty("kalpana.test.dataDir", "target"), "bench-agent-token-latency.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT,
                "{\"benchmark\":\"agent-token-latency\",\"tokens\":%d,\"p50Micros\":%d,\"p99Micros\":%d,\"maxMicros\":%d}",
                latenciesMicros.size(), p50, p99, latenciesMicros.get(latenciesMicros.size() - 1)));
        System.out.println("written to " + out);
    }

    /** One turn of {@code tokens} paced tokens; pairs the i-th emitted token with the i-th received one. */
    private static List<Long> runTurn(ScriptedLlmServer llm, AgentSocketClient client, List<Long> emitted, int tokens)
            throws Exception {
        String[] text = new String[tokens];
        for (int i = 0; i < tokens; i++) {
            text[i] = "t" + i + " ";
        }
        emitted.clear();
        int before = client.received.size();
        llm.play(ScriptedTurn.text(text).pacedBy(Duration.ofMillis(2)));
        client.send("{\"type\":\"send\",\"text\":\"stream please\"}");
        client.await(message -> client.received.indexOf(message) >= before && message.type().equals("turn_finished"),
                Duration.ofSeconds(120));
        List<Long> arrivals = client.received.subList(before, client.received.size()).stream()
                .filter(message -> message.type().equals("token")).map(AgentSocketClient.Received::arrivedNanos).toList();
        if (arrivals.size() != tokens || emitted.size() != tokens) {
            throw new IllegalStateException("expected " + tokens + " tokens, emitted " + emitted.size() + ", received " + arrivals.size());
        }
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            latencies.add((arrivals.get(i) - emitted.get(i)) / 1000);
        }
        return latencies;
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
