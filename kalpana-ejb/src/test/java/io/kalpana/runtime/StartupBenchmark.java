package io.kalpana.runtime;

import io.kalpana.port.PortPair;
import io.kalpana.workspace.WorkspaceId;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints start-to-/healthz times of {@link DockerWorkspaceRuntime#start} next to a plain {@code docker run}
 * of the same image with the same limits, interleaved so both see the same host load. No assertions.
 * <pre>mvn -q -pl kalpana-ejb exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.kalpana.runtime.StartupBenchmark</pre>
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        RuntimeSettings settings = DockerTestSupport.settings();
        List<Long> kalpana = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        try (DockerWorkspaceRuntime runtime = new DockerWorkspaceRuntime(settings);
             DockerTestSupport docker = new DockerTestSupport()) {
            for (int run = 1; run <= runs; run++) {
                WorkspaceId id = docker.newWorkspace();
                long began = System.nanoTime();
                runtime.start(docker.launch(id));
                kalpana.add(millisSince(began));
                runtime.deleteVolume(id);

                raw.add(rawDockerRun(settings, run));
                System.out.printf("run %d: runtime.start %d ms, docker run %d ms%n", run,
                        kalpana.get(kalpana.size() - 1), raw.get(raw.size() - 1));
            }
        }
        System.out.printf("median of %d: runtime.start -> /healthz %d ms; docker run -> /healthz %d ms%n",
                runs, median(kalpana), median(raw));
    }

    private static long rawDockerRun(RuntimeSettings settings, int run) throws IOException, InterruptedException {
        String name = "kalpana-bench-" + ProcessHandle.current().pid() + "-" + run;
        PortPair ports = DockerTestSupport.freePorts();
        long began = System.nanoTime();
        try {
            DockerTestSupport.docker("run", "-d", "--name", name, "--user", "1000:1000", "--cap-drop", "ALL",
                    "--security-opt", "no-new-privileges", "--pids-limit", String.valueOf(settings.pids()),
                    "--memory", String.valueOf(settings.memory().bytes()),
                    "--cpus", String.valueOf(settings.cpus().nanoCpus() / 1e9),
                    "-e", "KALPANA_IDE_PASSWORD=" + IdePassword.generate().value(),
                    "-e", "KALPANA_BRIDGE_TOKEN=" + BridgeToken.generate().value(),
                    "-v", name + ":/workspace",
                    "-p", "127.0.0.1:" + ports.ide().number() + ":8080",
                    "-p", "127.0.0.1:" + ports.bridge().number() + ":3001", settings.image());
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (DockerTestSupport.healthzStatus(ports.ide()) != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not answer /healthz within 120 s");
                }
                Thread.sleep(100);
            }
            return millisSince(began);
        } finally {
            DockerTestSupport.docker("rm", "-f", name);
            DockerTestSupport.docker("volume", "rm", "-f", name);
        }
    }

    private static long millisSince(long began) {
        return (System.nanoTime() - began) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
