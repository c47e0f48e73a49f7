package io.kalpana.runtime;

import io.kalpana.identity.Username;
import io.kalpana.port.HostPort;
import io.kalpana.port.PortPair;
import io.kalpana.workspace.WorkspaceId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the Docker tests share: settings for the real engine and image (overridable with -Dkalpana.docker.host
 * and -Dkalpana.workspace.image), free host ports, the docker CLI for what a test checks from outside Kalpana,
 * and cleanup of every workspace a test touched.
 */
public final class DockerTestSupport implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DockerTestSupport.class.getName());
    private static final int CLI_TIMEOUT_SECONDS = 60;

    public static final Username OWNER = new Username("tester");

    private final List<WorkspaceId> touched = new ArrayList<>();
    private final DockerWorkspaceRuntime cleaner = new DockerWorkspaceRuntime(settings());

    public static RuntimeSettings settings() {
        return new RuntimeSettings(System.getProperty("kalpana.docker.host", "unix:///var/run/docker.sock"),
                Duration.ofSeconds(3), Duration.ofSeconds(30),
                System.getProperty("kalpana.workspace.image", "kalpana-workspace:0.1.0"), "127.0.0.1",
                MemoryLimit.parse("1g"), CpuLimit.parse("1"), 512, Duration.ofSeconds(120));
    }

    /** A fresh workspace id, remembered so {@link #close()} removes its container and volume. */
    public WorkspaceId newWorkspace() {
        WorkspaceId id = WorkspaceId.generate();
        touched.add(id);
        return id;
    }

    public WorkspaceLaunch launch(WorkspaceId id) {
        return new WorkspaceLaunch(id, OWNER, freePorts());
    }

    /** Two distinct ports the OS considers free right now on the loopback address. */
    public static PortPair freePorts() {
        try (ServerSocket ide = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             ServerSocket bridge = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return new PortPair(new HostPort(ide.getLocalPort()), new HostPort(bridge.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int healthzStatus(HostPort idePort) {
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + idePort.number() + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Runs {@code script} with sh in the workspace, as Kalpana runs commands there, and answers its stripped output; fails unless it exits 0. */
    public static String shellOutput(WorkspaceRuntime runtime, WorkspaceId id, String script) {
        ExecResult result = runtime.exec(id, List.of("sh", "-c", script), Duration.ofSeconds(20));
        org.junit.jupiter.api.Assertions.assertEquals(0, result.exitCode(), result.output());
        return result.output().strip();
    }

    /** Runs the docker CLI and answers its output; a failure or a run over {@value #CLI_TIMEOUT_SECONDS} s throws. */
    public static String docker(String... args) throws IOException, InterruptedException {
        CliRun run = runDocker(args);
        if (run.exitCode() != 0) {
            throw new IllegalStateException(run.command() + " failed: " + run.output());
        }
        return run.output();
    }

    /** Runs the docker CLI and answers its exit code, whatever it is: for checks where failing is an answer, and clean-up. */
    public static int dockerStatus(String... args) throws IOException, InterruptedException {
        return runDocker(args).exitCode();
    }

    private record CliRun(String command, int exitCode, String output) {
    }

    private static CliRun runDocker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(CLI_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                    + CLI_TIMEOUT_SECONDS + " s");
        }
        return new CliRun(String.join(" ", command), process.exitValue(), output);
    }

    /** {@link #docker}, for callers that cannot pass checked exceptions on. */
    public static String cli(String... arguments) {
        try {
            return docker(arguments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Removes the container and volume of every workspace this test created; runs even after failures. */
    @Override
    public void close() {
        for (WorkspaceId id : touched) {
            try {
                cleaner.deleteVolume(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "workspace=" + id + " test cleanup failed", e);
            }
        }
        touched.clear();
        cleaner.close();
    }
}
