package io.kalpana.web.it;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark, not a test: 50 people at once for a bounded time (loopback only), each signing in, listing their
 * workspaces and starting and stopping their own workspace in a loop. Reports throughput, errors (goal 0) and
 * latency per operation. Run with {@code ./kalpana bench}; -Dkalpana.bench.load.seconds (default 60) and
 * -Dkalpana.bench.load.users (default 50) change it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoadBench {

    private static final String PASSWORD = "load-bench-password";
    private static final int USERS = Integer.getInteger("kalpana.bench.load.users", 50);
    private static final Duration START_DEADLINE = Duration.ofMinutes(5);
    private static final Duration LENGTH = Duration.ofSeconds(Integer.getInteger("kalpana.bench.load.seconds", 60));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private final Map<String, List<Long>> millis = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    @Test
    void measure() throws Exception {
        Api api = new Api(KalpanaDeployment.onLoopback(reported));
        String admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        String run = UUID.randomUUID().toString().substring(0, 5);
        List<String> users = new ArrayList<>();
        ApiFixture fixture = new ApiFixture(api, PASSWORD);
        for (int i = 0; i < USERS; i++) {
            String user = "load" + run + "u" + i;
            api.createUser(admin, user, PASSWORD, "user");
            users.add(user);
        }
        ExecutorService people = Executors.newFixedThreadPool(USERS);
        long began = System.nanoTime();
        long end = began + LENGTH.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String user : users) {
                running.add(people.submit(() -> person(api, user, end, fixture)));
            }
            for (Future<?> person : running) {
                person.get(LENGTH.toSeconds() + 300, TimeUnit.SECONDS);
            }
        } finally {
            people.shutdownNow();
            fixture.removeWorkspaces();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| operation | count | per s | p50 ms | p95 ms | p99 ms |%n|---|---|---|---|---|---|%n"));
        StringBuilder json = new StringBuilder("{\"benchmark\":\"load\",\"users\":" + USERS + ",\"seconds\":"
                + Math.round(seconds) + ",\"errors\":" + errors.size() + ",\"operations\":{");
        boolean first = true;
        for (Map.Entry<String, List<Long>> operation : new TreeMap<>(millis).entrySet()) {
            List<Long> sorted = new ArrayList<>(operation.getValue());
            Collections.sort(sorted);
            table.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %d | %d |%n", operation.getKey(), sorted.size(),
                    sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)));
            json.append(first ? "" : ",").append(String.format(Locale.ROOT,
                    "\"%s\":{\"count\":%d,\"p50Ms\":%d,\"p95Ms\":%d,\"p99Ms\":%d}", operation.getKey(), sorted.size(),
                    percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)));
            first = false;
        }
        json.append("}}");
        table.append(String.format(Locale.ROOT, "errors: %d (goal 0)%s%n", errors.size(),
                errors.isEmpty() ? "" : "; first: " + errors.get(0)));
        BenchSection.write("Load, " + USERS + " people for " + Math.round(seconds) + " s", table);
        Path out = Path.of(System.getProperty("kalpana.test.dataDir", "target"), "bench-load.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.println("written to " + out);
    }

    private void person(Api api, String user, long end, ApiFixture fixture) {
        String token = timed("sign in", () -> api.token(user, PASSWORD), null);
        if (token == null) {
            return;
        }
        Api.Reply created = timed("create", () -> api.post("/api/v1/workspaces", token, "{\"name\":\"load\"}"), 201);
        if (created == null) {
            return;
        }
        String id = created.json().getString("id");
        fixture.removeAfterwards(id, token);
        while (System.nanoTime() < end) {
            timed("sign in", () -> api.token(user, PASSWORD), null);
            timed("list", () -> api.get("/api/v1/workspaces", token), 200);
            timed("start to running", () -> startAndWait(api, token, id), null);
            timed("list", () -> api.get("/api/v1/workspaces", token), 200);
            timed("stop", () -> api.post("/api/v1/workspaces/" + id + "/stop", token, null), 200);
        }
    }

    /**
     * Starts as the portal does: answered at once, then the status is watched until it is RUNNING. Fifty people
     * starting together wait their turn for longer than an HTTP request should stay open.
     */
    private Api.Reply startAndWait(Api api, String token, String id) {
        Api.Reply accepted = api.post("/api/v1/workspaces/" + id + "/start?async=true", token, null);
        if (accepted.status() != 202 && accepted.status() != 200) {
            throw new IllegalStateException("start " + accepted.status() + " " + accepted.body());
        }
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (true) {
            Api.Reply now = api.get("/api/v1/workspaces/" + id, token);
            String status = now.status() == 200 ? now.json().getString("status") : "HTTP " + now.status();
            if ("RUNNING".equals(status)) {
                return now;
            }
            if (!"STARTING".equals(status) || System.nanoTime() > deadline) {
                throw new IllegalStateException("start ended " + status + ": " + now.body());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private interface Call<T> {
        T run();
    }

    private <T> T timed(String operation, Call<T> call, Integer expectedStatus) {
        long before = System.nanoTime();
        try {
            T result = call.run();
            long took = (System.nanoTime() - before) / 1_000_000;
            if (expectedStatus != null && result instanceof Api.Reply reply && reply.status() != expectedStatus) {
                errors.add(operation + " " + reply.status() + " " + reply.body());
                return null;
            }
            millis.computeIfAbsent(operation, any -> new CopyOnWriteArrayList<>()).add(took);
            return result;
        } catch (RuntimeException e) {
            errors.add(operation + " " + e.getMessage());
            return null;
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
