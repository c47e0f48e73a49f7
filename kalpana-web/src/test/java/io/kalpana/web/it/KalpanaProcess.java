package io.kalpana.web.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kalpana in a Payara Micro process of its own, as `./kalpana run` starts it, for tests that kill it or take
 * its database away: Arquillian's container cannot be treated that roughly.
 */
final class KalpanaProcess implements AutoCloseable {

    interface Check {
        boolean holds() throws Exception;
    }

    private final Path dataDir;
    private final List<String> options;
    private final int port;
    private Process process;

    KalpanaProcess(Path dataDir, List<String> options) throws IOException {
        this.dataDir = dataDir;
        this.options = List.copyOf(options);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    URL url() throws IOException {
        return new URL("http://127.0.0.1:" + port + "/");
    }

    int port() {
        return port;
    }

    /** Starts Payara Micro with the WAR and waits until Kalpana's own readiness checks answer. */
    void start() throws Exception {
        Path micro = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
        Path war = Path.of(System.getProperty("kalpana.war", "target/kalpana.war"));
        File log = dataDir.resolve("payara-" + Instant.now().toEpochMilli() + ".log").toFile();
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx768m",
                "-Djava.net.preferIPv4Stack=true", "-Dkalpana.data.dir=" + dataDir));
        command.addAll(options);
        command.addAll(List.of("-jar", micro.toString(), "--deploy", war + ":/", "--port", Integer.toString(port),
                "--nocluster", "--nohazelcast"));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        waitUntil(() -> {
            try {
                // Payara answers UP with no checks while the application is still deploying: wait for ours.
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                return ready.statusCode() == 200 && ready.body().contains("\"store\"");
            } catch (IOException notYet) {
                return false;
            }
        }, Duration.ofSeconds(240));
    }

    /** SIGKILL, as a crash or an OOM killer would. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    void waitUntil(Check check, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see the logs in " + dataDir);
            }
            if (check.holds()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("not within " + limit + "; logs in " + dataDir);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
