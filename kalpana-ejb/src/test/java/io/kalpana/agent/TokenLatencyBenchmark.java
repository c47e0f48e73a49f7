package io.kalpana.agent;

import io.kalpana.agent.testllm.ScriptedLlmServer;
import io.kalpana.agent.testllm.ScriptedTurn;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Measures what the agent adds between the model server writing a token and the listener receiving it:
 * HTTP client, SSE parsing, langchain4j, the recorder and the guarded listener. Run with the test classpath:
 * {@code java -cp ... io.kalpana.agent.TokenLatencyBenchmark [tokens] [pauseMicros]}.
 */
public final class TokenLatencyBenchmark {

    private TokenLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        long pauseMicros = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        ExecutorService executor = Executors.newCachedThreadPool();
        try (ScriptedLlmServer llm = ScriptedLlmServer.start()) {
            AgentSettings settings = new AgentSettings(llm.baseUrl(), Optional.of("bench-key"), "scripted",
                    Duration.ofMinutes(2), 0, Duration.ofMillis(10), 4, Duration.ofSeconds(10), 16000, List.of(),
                    List.of());
            WorkspaceContext context = new WorkspaceContext(new WorkspaceId("benchmark001"), WorkspaceTemplate.BLANK,
                    Optional.empty(), List.of());
            TempDirWorkspace workspace = new TempDirWorkspace(Files.createTempDirectory("agent-bench"));
            AgentConversation conversation = new AgentConversation(context, ChatModels.openAiCompatible(settings),
                    workspace, settings, CommandApprover.DECLINE_ALL, executor, Clock.systemUTC());

            run(llm, conversation, 500, pauseMicros);
            rawBaseline(llm, 500, pauseMicros);
            print("bare HttpClient", rawBaseline(llm, tokens, pauseMicros), pauseMicros);
            print("agent listener ", run(llm, conversation, tokens, pauseMicros), pauseMicros);
        } finally {
            executor.shutdownNow();
        }
    }

    private static long[] run(ScriptedLlmServer llm, AgentConversation conversation, int tokens, long pauseMicros)
            throws Exception {
        long[] emitted = new long[tokens];
        long[] received = new long[tokens];
        AtomicInteger emits = new AtomicInteger();
        AtomicInteger receipts = new AtomicInteger();
        llm.onTokenEmitted(nanos -> emitted[emits.getAndIncrement()] = nanos);
        String[] script = new String[tokens];
        Arrays.fill(script, "tok ");
        llm.play(ScriptedTurn.text(script).pacedBy(Duration.ofNanos(pauseMicros * 1000)));
        AgentEventListener listener = new AgentEventListener() {
            @Override
            public void onToken(String text) {
                received[receipts.getAndIncrement()] = System.nanoTime();
            }
        };
        TurnSummary summary = conversation.send("stream", listener).finished().get(5, TimeUnit.MINUTES);
        if (summary.outcome() != TurnOutcome.COMPLETED || receipts.get() != tokens || emits.get() != tokens) {
            throw new IllegalStateException("benchmark turn went wrong: " + summary + ", emitted " + emits
                    + ", received " + receipts);
        }
        long[] latencies = new long[tokens];
        for (int i = 0; i < tokens; i++) {
            latencies[i] = received[i] - emitted[i];
        }
        return latencies;
    }

    /**
     * The floor to compare with: the same SSE stream read line by line with a bare JDK HttpClient, so the
     * difference is what langchain4j and the agent add on top of HTTP and thread scheduling.
     */
    private static long[] rawBaseline(ScriptedLlmServer llm, int tokens, long pauseMicros) throws Exception {
        long[] emitted = new long[tokens];
        long[] received = new long[tokens];
        AtomicInteger emits = new AtomicInteger();
        llm.onTokenEmitted(nanos -> emitted[emits.getAndIncrement()] = nanos);
        String[] script = new String[tokens];
        Arrays.fill(script, "tok ");
        llm.play(ScriptedTurn.text(script).pacedBy(Duration.ofNanos(pauseMicros * 1000)));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(llm.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}")).build();
        int count = 0;
        try (Stream<String> lines = client.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.contains("\"content\":\"tok ")) {
                    received[count++] = System.nanoTime();
                }
            }
        }
        long[] latencies = new long[tokens];
        for (int i = 0; i < tokens; i++) {
            latencies[i] = received[i] - emitted[i];
        }
        return latencies;
    }

    private static void print(String what, long[] latencies, long pauseMicros) {
        Arrays.sort(latencies);
        System.out.printf("%s tokens=%d pause=%dus p50=%.1fus p90=%.1fus p99=%.1fus max=%.1fus%n", what,
                latencies.length, pauseMicros, micros(latencies, 0.50), micros(latencies, 0.90),
                micros(latencies, 0.99), latencies[latencies.length - 1] / 1000.0);
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1000.0;
    }
}
