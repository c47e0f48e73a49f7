package io.kalpana.bridge.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The real bridge jar running as a separate process, as in a workspace container. */
public final class BridgeProcess implements AutoCloseable {

    /** The recommended production flags (see PROTOCOL.md); -Dbridge.jvmFlags="..." overrides them. */
    public static final List<String> JVM_FLAGS = List.of(System.getProperty("bridge.jvmFlags",
            "-Xms8m -Xmx64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -Xss256k -XX:+UseSerialGC "
                    + "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=16m "
                    + "-XX:MaxMetaspaceSize=48m").trim().split("\\s+"));

    private final Path root;
    private final String token;
    private final int port;
    private final Map<String, String> extraEnvironment;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;
    private Path home;

    private BridgeProcess(Path root, String token, int port, Map<String, String> extraEnvironment) {
        this.root = root;
        this.token = token;
        this.port = port;
        this.extraEnvironment = extraEnvironment;
    }

    public static BridgeProcess start(Path root, String token, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        BridgeProcess bridge = new BridgeProcess(root, token, freePort(), extraEnvironment);
        bridge.launch();
        return bridge;
    }

    public static Path jar() {
        String jar = System.getProperty("bridge.jar");
        if (jar == null) {
            throw new IllegalStateException("system property bridge.jar is not set (run via mvn verify)");
        }
        return Path.of(jar);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public void launch() throws IOException, InterruptedException {
        // As in a workspace container, whose entrypoint starts the bridge in the background of a non-interactive
        // shell: it runs with SIGINT and SIGQUIT ignored, whatever started these tests.
        List<String> command = new ArrayList<>(List.of("bash", "-c", "trap '' INT QUIT; exec \"$@\"", "bridge"));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-jar");
        command.add(jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // commands run in login shells: a private HOME keeps the machine's dotfiles (pyenv, cargo, ...)
        // out of the tests, both their start-up time and their side effects
        if (home == null) {
            home = Workspace.create("bridge-home");
        }
        env.put("HOME", home.toString());
        env.put("KALPANA_BRIDGE_ROOT", root.toString());
        env.put("KALPANA_BRIDGE_PORT", String.valueOf(port));
        env.put("KALPANA_BRIDGE_BIND", "127.0.0.1");
        if (token != null) {
            env.put("KALPANA_BRIDGE_TOKEN", token);
        }
        env.putAll(extraEnvironment);
        process = builder.start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith("kalpana-bridge ready on")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // process ended
            }
            ready.complete(false);
        }, "bridge-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("bridge did not start: " + output);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("bridge did not start: " + output, e);
        }
    }

    public static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/");
    }

    public String token() {
        return token;
    }

    public long pid() {
        return process.pid();
    }

    public List<String> output() {
        return output;
    }

    /** Ends the process (SIGTERM, so its shutdown hook runs) and waits for it. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Stops the bridge for good and removes its private HOME. */
    @Override
    public void close() throws Exception {
        stop();
        Workspace.delete(home);
        home = null;
    }
}
