package io.kalpana.web.it;

import io.kalpana.port.PortAllocator;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark, not a test: allocations per second and latency percentiles of the port allocator EJB inside
 * Payara Micro with the embedded store. Run with {@code ./kalpana bench}; prints a table and writes JSON.
 */
@ExtendWith(ArquillianExtension.class)
class PortAllocatorBench {

    @Deployment
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar().addClasses(PortAllocatorBench.class, KalpanaDeployment.class, BenchSection.class);
    }

    @Inject
    PortAllocator allocator;

    @Test
    void measure() throws Exception {
        int perThread = Integer.getInteger("kalpana.test.allocationsPerThread", 1000);
        StringBuilder json = new StringBuilder("{\"benchmark\":\"port-allocator\",\"runs\":[");
        StringBuilder table = new StringBuilder("| threads | allocations | allocations/s | p50 ms | p99 ms |\n|---|---|---|---|---|\n");
        int[] threadCounts = {1, 64};
        for (int r = 0; r < threadCounts.length; r++) {
            int threads = threadCounts[r];
            int total = threads == 1 ? Math.min(perThread * 4, 5000) : threads * perThread;
            long[] latencies = run(threads, total / threads);
            double seconds = latencies[latencies.length - 1] / 1e9;
            long[] sorted = Arrays.copyOf(latencies, latencies.length - 1);
            Arrays.sort(sorted);
            double rate = sorted.length / seconds;
            double p50 = sorted[sorted.length / 2] / 1e6;
            double p99 = sorted[(int) (sorted.length * 0.99)] / 1e6;
            table.append(String.format("| %d | %d | %.0f | %.2f | %.2f |%n", threads, sorted.length, rate, p50, p99));
            json.append(r == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
                    "{\"threads\":%d,\"allocations\":%d,\"perSecond\":%.1f,\"p50Ms\":%.3f,\"p99Ms\":%.3f}",
                    threads, sorted.length, rate, p50, p99));
        }
        json.append("]}");
        BenchSection.write("Port allocator (allocate + release, embedded store)", table);
        Path out = Path.of(System.getProperty("kalpana.data.dir"), "bench-port-allocator.json");
        Files.writeString(out, json);
        System.out.println("written to " + out);
    }

    /** Latency of each allocate call in ns; the last element is the wall time of the whole run. */
    private long[] run(int threads, int perThread) throws Exception {
        long[] latencies = new long[threads * perThread + 1];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        Future<?>[] runs = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            runs[t] = pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    String workspace = "bench" + threads + "t" + thread + "x" + i;
                    long before = System.nanoTime();
                    allocator.allocate(workspace, "bench");
                    latencies[thread * perThread + i] = System.nanoTime() - before;
                    allocator.release(workspace);
                }
                return null;
            });
        }
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.MINUTES);
        }
        latencies[latencies.length - 1] = System.nanoTime() - start;
        pool.shutdown();
        return latencies;
    }
}
