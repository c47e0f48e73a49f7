package io.kalpana.web.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The host's load average, for benchmarks: a run that starts while the previous benchmark's containers are still
 * being removed measures that removal. Benchmarks wait for the load to settle (bounded) and report it.
 */
final class MachineLoad {

    private static final Logger LOG = Logger.getLogger(MachineLoad.class.getName());
    private static final Duration MAX_WAIT = Duration.ofMinutes(3);

    private MachineLoad() {
    }

    /** The one-minute load average now; NaN where the system does not tell. */
    static double now() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException unknown) {
            return Double.NaN;
        }
    }

    /** Waits (at most three minutes) until the load is below the number of processors; returns the load then. */
    static double settle() throws InterruptedException {
        int processors = Runtime.getRuntime().availableProcessors();
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        double load = now();
        while (load >= processors && System.nanoTime() < deadline) {
            Thread.sleep(5_000);
            load = now();
        }
        if (load >= processors) {
            double busy = load;
            LOG.warning(() -> "the machine is still busy (load " + busy + " on " + processors + " processors); measuring anyway");
        }
        return load;
    }
}
