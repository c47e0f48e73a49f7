package io.kalpana.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: how many idle workspaces this host holds. Starts workspaces one after another through the
 * API until the host's available memory falls to a floor (or a cap), measuring each start, the dashboard's response
 * (p95 of the workspace list and of the dashboard page) with everything running, and the memory each idle workspace
 * uses (host memory before and after, divided by the count). Everything it started is removed at the end. Run with
 * {@code ./kalpana bench} (cap 60, floor 3 GiB; -Dkalpana.bench.density.max / .floorGiB to change).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DensityBench {

    private static final String PASSWORD = "density-bench-password";
    private static final int MAX = Integer.getInteger("kalpana.bench.density.max", 60);
    private static final long FLOOR_BYTES = Long.getLong("kalpana.bench.density.floorGiB", 3) << 30;
    private static final int DASHBOARD_REQUESTS = 40;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    /** A run capped below the goal (the quick run) neither meets nor misses it: it does not measure it. */
    static String goalVerdict(int running, int cap) {
        if (running >= GOAL) {
            return "met";
        }
        return running >= cap ? "not measured (this run stops at " + cap + "; ./kalpana bench --full goes to the memory floor)"
                : "missed";
    }

    private static final int GOAL = 40;

    @Test
    void measure() throws Exception {
        Api api = new Api(KalpanaDeployment.onLoopback(reported));
        String admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        ApiFixture fixture = new ApiFixture(api, PASSWORD);
        String user = fixture.person("density");
        api.setQuota(admin, user, MAX + 5, MAX + 5);
        String token = api.token(user, PASSWORD);
        long memoryBefore = availableMemory();
        List<Long> startMillis = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String stopReason = "cap of " + MAX + " reached";
        try {
            while (ids.size() < MAX) {
                if (availableMemory() < FLOOR_BYTES) {
                    stopReason = "available memory below the floor of " + (FLOOR_BYTES >> 30) + " GiB";
                    break;
                }
                String id = fixture.workspace(token, "dense-" + ids.size(), null);
                ids.add(id);
                long before = System.nanoTime();
                Api.Reply started = api.post("/api/v1/workspaces/" + id + "/start", token, null);
                startMillis.add((System.nanoTime() - before) / 1_000_000);
                if (started.status() != 200) {
                    stopReason = "start " + (ids.size()) + " failed: " + started.body();
                    break;
                }
            }
            Thread.sleep(20_000);
            long memoryAfter = availableMemory();
            List<Long> listMillis = timed(() -> api.get("/api/v1/workspaces", token).status());
            List<Long> adminMillis = timed(() -> api.get("/api/v1/admin/capacity", admin).status());
            PortalSession browser = new PortalSession(reported);
            browser.signIn(user, PASSWORD);
            if (!browser.get("/index.xhtml").body().contains("dense-0")) {
                throw new IllegalStateException("the dashboard did not list the workspaces; the sign-in failed");
            }
            List<Long> dashboardMillis = timed(() -> browser.get("/index.xhtml").statusCode());
            int running = startMillis.size();
            long perWorkspaceMiB = running == 0 ? 0 : (memoryBefore - memoryAfter) / running >> 20;
            String table = String.format(Locale.ROOT, "| measure | value |%n|---|---|%n"
                            + "| idle workspaces running | %d (stopped: %s) |%n| memory per idle workspace (host) | %d MiB |%n"
                            + "| start, first 5 median | %d ms |%n| start, last 5 median | %d ms |%n"
                            + "| dashboard page (signed in, every workspace listed) with all running, p50 / p95 | %d / %d ms |%n"
                            + "| workspace list with all running, p50 / p95 | %d / %d ms |%n"
                            + "| admin capacity with all running, p50 / p95 | %d / %d ms |%n"
                            + "goal ≥ 40 idle workspaces on a 24 GB host: %s%n",
                    running, stopReason, perWorkspaceMiB, median(startMillis.subList(0, Math.min(5, running))),
                    median(startMillis.subList(Math.max(0, running - 5), running)), percentile(dashboardMillis, 50),
                    percentile(dashboardMillis, 95), percentile(listMillis, 50),
                    percentile(listMillis, 95), percentile(adminMillis, 50), percentile(adminMillis, 95),
                    goalVerdict(running, MAX));
            BenchSection.write("Density", table);
            System.out.println("start times in order (ms): " + startMillis);
            Path out = Path.of(System.getProperty("kalpana.test.dataDir", "target"), "bench-density.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, String.format(Locale.ROOT,
                    "{\"benchmark\":\"density\",\"running\":%d,\"stoppedBecause\":\"%s\",\"perWorkspaceMiB\":%d,"
                            + "\"startMillis\":%s,\"dashboardP95Ms\":%d,\"listP95Ms\":%d,\"capacityP95Ms\":%d}",
                    running, stopReason.replace("\"", "'"), perWorkspaceMiB, startMillis, percentile(dashboardMillis, 95),
                    percentile(listMillis, 95),
                    percentile(adminMillis, 95)));
            System.out.println("written to " + out);
        } finally {
            fixture.removeWorkspaces();
        }
    }

    private interface Request {
        int status() throws Exception;
    }

    private static List<Long> timed(Request request) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < DASHBOARD_REQUESTS; i++) {
            long before = System.nanoTime();
            int status = request.status();
            millis.add((System.nanoTime() - before) / 1_000_000);
            if (status != 200) {
                throw new IllegalStateException("the portal answered " + status + " with the workspaces running");
            }
        }
        return millis;
    }

    /** MemAvailable of this host: Kalpana, Docker and the test all run here. */
    private static long availableMemory() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemAvailable:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        throw new IllegalStateException("no MemAvailable in /proc/meminfo");
    }

    private static long median(List<Long> values) {
        return percentile(values, 50);
    }

    private static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
