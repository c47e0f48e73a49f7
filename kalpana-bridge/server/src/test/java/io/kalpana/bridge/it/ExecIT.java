package io.kalpana.bridge.it;

import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.bridge.client.BridgeRefusedException;
import io.kalpana.bridge.client.ExecHandle;
import io.kalpana.bridge.client.ExecListener;
import io.kalpana.bridge.protocol.ContentEncoding;
import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.ExecExit;
import io.kalpana.bridge.protocol.ExecRequest;
import io.kalpana.bridge.protocol.OutputChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.kalpana.bridge.it.Clients.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecIT {

    private static final int MAX_COMMANDS = 3;
    private static final int OUTPUT_CAP = 100_000;

    private static Path root;
    private static BridgeProcess bridge;
    private static BridgeClient client;

    @BeforeAll
    static void startBridge() throws Exception {
        root = Workspace.create("bridge-exec");
        bridge = BridgeProcess.start(root, "exec-token", BridgeProcess.env(
                "KALPANA_BRIDGE_MAX_COMMANDS", String.valueOf(MAX_COMMANDS),
                "KALPANA_BRIDGE_MAX_OUTPUT_BYTES", String.valueOf(OUTPUT_CAP),
                "KALPANA_BRIDGE_EXEC_TIMEOUT_MS", "20000",
                "KALPANA_BRIDGE_EXEC_MAX_TIMEOUT_MS", "60000"));
        client = Clients.connect(bridge);
        await(client.connect());
    }

    @AfterAll
    static void stopBridge() throws Exception {
        client.close();
        bridge.close();
        Workspace.delete(root);
    }

    /** Records every event in arrival order, the exit included. */
    static final class Recorder implements ExecListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final StringBuilder stdout = new StringBuilder();
        final StringBuilder stderr = new StringBuilder();
        final CompletableFuture<Long> started = new CompletableFuture<>();

        @Override
        public void onStarted(long pid) {
            events.add("started");
            started.complete(pid);
        }

        @Override
        public synchronized void onOutput(OutputChannel channel, String data) {
            events.add(channel.name().toLowerCase() + ":" + data);
            (channel == OutputChannel.STDOUT ? stdout : stderr).append(data);
        }

        synchronized String stdout() {
            return stdout.toString();
        }

        synchronized String stderr() {
            return stderr.toString();
        }
    }

    private static ExecExit run(ExecRequest request, Recorder recorder) throws Exception {
        ExecHandle handle = client.exec(request, recorder);
        ExecExit exit = handle.exit().get(60, TimeUnit.SECONDS);
        recorder.events.add("exit:" + exit.exitCode());
        return exit;
    }

    private static List<Long> pidsOf(String pattern) throws IOException, InterruptedException {
        Process pgrep = new ProcessBuilder("pgrep", "-f", pattern).start();
        String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgrep.waitFor();
        List<Long> pids = new ArrayList<>();
        for (String line : out.split("\\s+")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        pids.remove(pgrep.pid());
        return pids;
    }

    private static void assertNoProcess(String pattern) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Long> pids = pidsOf(pattern);
        while (!pids.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            pids = pidsOf(pattern);
        }
        // leave nothing behind even when the assertion fails: end exactly the processes we found
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        assertTrue(pids.isEmpty(), "processes still alive for '" + pattern + "': " + pids);
    }

    @Test
    void streamsStdoutChunksInOrderBeforeExit() throws Exception {
        Recorder recorder = new Recorder();
        ExecExit exit = run(ExecRequest.of(
                "for i in 1 2 3 4 5; do echo line$i; sleep 0.1; done; echo oops >&2; exit 3"), recorder);
        assertEquals(3, exit.exitCode());
        assertFalse(exit.timedOut());
        assertEquals("line1\nline2\nline3\nline4\nline5\n", recorder.stdout());
        assertEquals("oops\n", recorder.stderr());
        List<String> stdoutEvents = recorder.events.stream().filter(e -> e.startsWith("stdout:")).toList();
        assertTrue(stdoutEvents.size() >= 3, "output streamed in several chunks: " + stdoutEvents);
        assertEquals("started", recorder.events.get(0));
        assertEquals("exit:3", recorder.events.get(recorder.events.size() - 1));
    }

    @Test
    void outputWithoutNewlinesStillStreams() throws Exception {
        Recorder recorder = new Recorder();
        long start = System.nanoTime();
        CompletableFuture<Long> firstChunk = new CompletableFuture<>();
        ExecHandle handle = client.exec(ExecRequest.of("printf 'progress'; sleep 1; printf ' done'"),
                new ExecListener() {
                    @Override
                    public void onOutput(OutputChannel channel, String data) {
                        firstChunk.complete(System.nanoTime());
                        recorder.onOutput(channel, data);
                    }
                });
        long firstAt = firstChunk.get(10, TimeUnit.SECONDS);
        ExecExit exit = handle.exit().get(10, TimeUnit.SECONDS);
        assertEquals(0, exit.exitCode());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(firstAt - start) < 900, "partial line arrived before sleep ended");
        assertEquals("progress done", recorder.stdout());
    }

    @Test
    void runsInCwdWithEnvironment() throws Exception {
        Files.createDirectories(root.resolve("sub/dir"));
        Recorder recorder = new Recorder();
        ExecExit exit = run(ExecRequest.of("pwd; echo $GREETING").withCwd("sub/dir")
                .withEnvironment(Map.of("GREETING", "hello")), recorder);
        assertEquals(0, exit.exitCode());
        assertEquals(root.resolve("sub/dir") + "\nhello\n", recorder.stdout());
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        Recorder recorder = new Recorder();
        ExecExit exit = run(ExecRequest.of("sleep 987651 & bash -c 'sleep 987652' & sleep 987653")
                .withTimeout(Duration.ofSeconds(1)), recorder);
        assertTrue(exit.timedOut());
        assertEquals(137, exit.exitCode());
        assertTrue(exit.durationMillis() >= 900 && exit.durationMillis() < 10_000, "duration " + exit.durationMillis());
        assertNoProcess("sleep 98765[123]");
    }

    @Test
    void backgroundJobsDoNotOutliveTheirCommand() throws Exception {
        Recorder recorder = new Recorder();
        ExecExit exit = run(ExecRequest.of("(sleep 987661 &) ; sleep 987662 > /dev/null 2>&1 & echo started"),
                recorder);
        assertEquals(0, exit.exitCode());
        assertNoProcess("sleep 98766[12]");
    }

    /** Runs {@code command}, which prints "ready" once it is set up, then sends {@code signal} and waits for the end. */
    private ExecExit signalWhenReady(String command, Recorder recorder, Function<ExecHandle, CompletableFuture<?>> signal)
            throws Exception {
        ExecHandle handle = client.exec(ExecRequest.of(command), recorder);
        waitFor(() -> recorder.stdout().contains("ready"));
        await(signal.apply(handle));
        return handle.exit().get(10, TimeUnit.SECONDS);
    }

    @Test
    void interruptSendsSigintToTheGroup() throws Exception {
        Recorder recorder = new Recorder();
        ExecExit exit = signalWhenReady("trap 'echo got-int; exit 130' INT; echo ready; while true; do sleep 0.1; done",
                recorder, ExecHandle::interrupt);
        assertEquals(130, exit.exitCode());
        assertTrue(recorder.stdout().contains("got-int"), recorder.stdout());
        assertFalse(exit.timedOut());
    }

    @Test
    void interruptEndsAProgramThatKeepsTheDefaultAction() throws Exception {
        ExecExit exit = signalWhenReady("echo ready; sleep 987681", new Recorder(), ExecHandle::interrupt);
        assertEquals(130, exit.exitCode(), "bash reports a child ended by SIGINT as 128 + 2");
        assertNoProcess("sleep 987681");
    }

    @Test
    void killEndsCommandAndChildren() throws Exception {
        ExecExit exit = signalWhenReady("sleep 987671 & echo ready; wait", new Recorder(), ExecHandle::kill);
        assertTrue(exit.killed());
        assertEquals(137, exit.exitCode());
        assertNoProcess("sleep 987671");
    }

    @Test
    void stdinIsForwardedInOrder() throws Exception {
        Recorder recorder = new Recorder();
        ExecHandle handle = client.exec(ExecRequest.of("cat; echo end").withStdinOpen(), recorder);
        for (int i = 0; i < 20; i++) {
            handle.sendInput("chunk" + i + "\n");
        }
        await(handle.closeInput());
        ExecExit exit = handle.exit().get(10, TimeUnit.SECONDS);
        assertEquals(0, exit.exitCode());
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            expected.append("chunk").append(i).append('\n');
        }
        assertEquals(expected + "end\n", recorder.stdout());
    }

    @Test
    void stdinOfAClosedCommandIsRefused() throws Exception {
        Recorder recorder = new Recorder();
        ExecHandle handle = client.exec(ExecRequest.of("sleep 0.5"), recorder);
        BridgeRefusedException refused = assertThrows(BridgeRefusedException.class,
                () -> await(handle.sendInput("x")));
        assertEquals(ErrorCode.BAD_REQUEST, refused.code());
        handle.exit().get(10, TimeUnit.SECONDS);
        BridgeRefusedException gone = assertThrows(BridgeRefusedException.class, () -> await(handle.kill()));
        assertEquals(ErrorCode.UNKNOWN_COMMAND, gone.code());
    }

    @Test
    void outputIsCappedAndMarkedTruncated() throws Exception {
        Recorder recorder = new Recorder();
        ExecExit exit = run(ExecRequest.of("head -c 1000000 /dev/zero | tr '\\0' 'a'"), recorder);
        assertEquals(0, exit.exitCode());
        assertTrue(exit.truncated());
        assertEquals(1_000_000, exit.outputBytes());
        assertEquals(OUTPUT_CAP, recorder.stdout().length());
    }

    @Test
    void base64OutputCarriesBinaryExactly() throws Exception {
        List<byte[]> chunks = new CopyOnWriteArrayList<>();
        ExecHandle handle = client.exec(ExecRequest.of("printf '\\x00\\x01\\xff\\xfe'")
                .withOutputEncoding(ContentEncoding.BASE64), new ExecListener() {
                    @Override
                    public void onOutput(OutputChannel channel, String data) {
                        chunks.add(Base64.getDecoder().decode(data));
                    }
                });
        assertEquals(0, handle.exit().get(10, TimeUnit.SECONDS).exitCode());
        byte[] all = chunks.stream().reduce(new byte[0], (a, b) -> {
            byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            return joined;
        });
        assertEquals(List.of(0, 1, 255, 254), java.util.stream.IntStream.range(0, all.length)
                .mapToObj(i -> all[i] & 0xff).toList());
    }

    @Test
    void base64OutputArrivesAsRawBytesForTheJavaClient() throws Exception {
        List<byte[]> chunks = new CopyOnWriteArrayList<>();
        ExecHandle handle = client.exec(ExecRequest.of("head -c 90000 /dev/zero")
                .withOutputEncoding(ContentEncoding.BASE64), new ExecListener() {
                    @Override
                    public void onOutputBytes(OutputChannel channel, byte[] bytes) {
                        chunks.add(bytes);
                    }
                });
        assertEquals(0, handle.exit().get(10, TimeUnit.SECONDS).exitCode());
        assertEquals(90_000, chunks.stream().mapToInt(c -> c.length).sum());
    }

    @Test
    void base64OutputIsJsonForPlainWebSocketClients() throws Exception {
        var json = new io.kalpana.bridge.protocol.JsonCodec();
        try (RawSocket socket = RawSocket.open(bridge.uri(), bridge.token())) {
            socket.send("{\"id\":\"b1\",\"op\":\"exec\",\"command\":\"printf '\\\\x00\\\\xff'\","
                    + "\"outputEncoding\":\"base64\"}");
            assertEquals("started", json.parseObject(socket.next()).getString("type"));
            var output = json.parseObject(socket.next());
            assertEquals("stdout", output.getString("type"));
            assertEquals("AP8=", output.getString("data"));
            assertEquals("exit", json.parseObject(socket.next()).getString("type"));
        }
    }

    @Test
    void utf8SplitAcrossChunksIsNotGarbled() throws Exception {
        Recorder recorder = new Recorder();
        ExecExit exit = run(ExecRequest.of("printf '\\xc3'; sleep 0.3; printf '\\xa9t\\xc3\\xa9'"), recorder);
        assertEquals(0, exit.exitCode());
        assertEquals("été", recorder.stdout());
    }

    @Test
    void concurrentCommandLimitAnswersWithErrorNotHang() throws Exception {
        List<ExecHandle> running = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_COMMANDS; i++) {
                Recorder recorder = new Recorder();
                running.add(client.exec(ExecRequest.of("echo ready; sleep 30"), recorder));
                recorder.started.get(10, TimeUnit.SECONDS);
            }
            long start = System.nanoTime();
            ExecHandle extra = client.exec(ExecRequest.of("echo never"), ExecListener.IGNORE);
            BridgeRefusedException refused = assertThrows(BridgeRefusedException.class,
                    () -> await(extra.exit()));
            assertEquals(ErrorCode.TOO_MANY_COMMANDS, refused.code());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "refused quickly, no hang");
        } finally {
            for (ExecHandle handle : running) {
                await(handle.kill());
                assertTrue(handle.exit().get(10, TimeUnit.SECONDS).killed());
            }
        }
        Recorder after = new Recorder();
        assertEquals(0, run(ExecRequest.of("echo again"), after).exitCode(), "slots are released");
    }

    @Test
    void badCwdIsRefused() {
        BridgeRefusedException refused = assertThrows(BridgeRefusedException.class,
                () -> await(client.exec(ExecRequest.of("pwd").withCwd("no/such/dir"), ExecListener.IGNORE).exit()));
        assertEquals(ErrorCode.NOT_DIRECTORY, refused.code());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
