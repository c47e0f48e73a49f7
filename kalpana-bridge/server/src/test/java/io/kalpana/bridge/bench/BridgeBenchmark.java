package io.kalpana.bridge.bench;

import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.bridge.client.ExecHandle;
import io.kalpana.bridge.client.ExecListener;
import io.kalpana.bridge.it.BridgeProcess;
import io.kalpana.bridge.it.Clients;
import io.kalpana.bridge.it.Workspace;
import io.kalpana.bridge.protocol.ContentEncoding;
import io.kalpana.bridge.protocol.ExecExit;
import io.kalpana.bridge.protocol.ExecRequest;
import io.kalpana.bridge.protocol.OutputChannel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Side by side in one run: exec throughput through the bridge vs a local pipe, 1 KiB write round trips,
 * idle RSS of the bridge process. Usage: {@code BridgeBenchmark <results.json>} with -Dbridge.jar set.
 */
public final class BridgeBenchmark {

    private static final String PAYLOAD_COMMAND = "head -c 200M /dev/zero";
    private static final long PAYLOAD_BYTES = 200L * 1024 * 1024;
    private static final int WRITES = 2000;
    private static final int WARMUP_WRITES = 300;

    private final Map<String, Object> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "bench-results.json");
        new BridgeBenchmark().run(output);
    }

    private void run(Path output) throws Exception {
        Path root = Workspace.create("bridge-bench");
        try (BridgeProcess bridge = BridgeProcess.start(root, "bench-token", BridgeProcess.env(
                "KALPANA_BRIDGE_MAX_OUTPUT_BYTES", "1g", "KALPANA_BRIDGE_EXEC_TIMEOUT_MS", "600000"));
             BridgeClient client = Clients.connect(bridge)) {
            Clients.await(client.connect());
            results.put("idle_rss_kb", idleRss(bridge, client));
            double local = localPipeMegabytesPerSecond();
            bridgeMegabytesPerSecond(client, ContentEncoding.BASE64);
            double base64 = bridgeMegabytesPerSecond(client, ContentEncoding.BASE64);
            double text = bridgeMegabytesPerSecond(client, ContentEncoding.TEXT);
            results.put("local_pipe_mb_s", round(local));
            results.put("bridge_base64_mb_s", round(base64));
            results.put("bridge_base64_vs_local_pct", round(100 * base64 / local));
            results.put("bridge_text_nul_bytes_mb_s", round(text));
            writeLatency(client);
            results.put("rss_after_load_kb", rssKb(bridge.pid()));
            results.put("jvm_flags", String.join(" ", BridgeProcess.JVM_FLAGS));
        } finally {
            Workspace.delete(root);
        }
        printTable();
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, toJson());
        System.out.println("results written to " + output.toAbsolutePath());
    }

    /** Startup + a few requests of each kind + time for the JVM to settle, then a GC. */
    private long idleRss(BridgeProcess bridge, BridgeClient client) throws Exception {
        for (int i = 0; i < 5; i++) {
            Clients.await(client.write("idle/f" + i + ".txt", "x".repeat(1024)));
            Clients.await(client.read("idle/f" + i + ".txt"));
        }
        Clients.await(client.list("."));
        Clients.await(client.exec("echo warm", ExecListener.IGNORE).exit());
        Thread.sleep(2000);
        gc(bridge.pid());
        Thread.sleep(1000);
        return rssKb(bridge.pid());
    }

    private static void gc(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(jcmd)) {
            Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static double localPipeMegabytesPerSecond() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", PAYLOAD_COMMAND).start();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = process.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
            }
        }
        process.waitFor();
        check(total);
        return megabytesPerSecond(total, System.nanoTime() - start);
    }

    private static double bridgeMegabytesPerSecond(BridgeClient client, ContentEncoding encoding) {
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        ExecHandle handle = client.exec(ExecRequest.of(PAYLOAD_COMMAND).withOutputEncoding(encoding)
                .withTimeout(Duration.ofMinutes(10)), new ExecListener() {
                    @Override
                    public void onOutput(OutputChannel channel, String data) {
                        bytes.addAndGet(encoding == ContentEncoding.BASE64 ? decodedLength(data)
                                : data.getBytes(StandardCharsets.UTF_8).length);
                    }

                    @Override
                    public void onOutputBytes(OutputChannel channel, byte[] raw) {
                        bytes.addAndGet(raw.length);
                    }
                });
        ExecExit exit = Clients.await(handle.exit());
        long elapsed = System.nanoTime() - start;
        if (exit.exitCode() != 0 || exit.truncated()) {
            throw new IllegalStateException("payload command failed: " + exit);
        }
        check(bytes.get());
        return megabytesPerSecond(bytes.get(), elapsed);
    }

    private void writeLatency(BridgeClient client) {
        String content = "k".repeat(1024);
        for (int i = 0; i < WARMUP_WRITES; i++) {
            Clients.await(client.write("bench/warm.txt", content));
        }
        long[] micros = new long[WRITES];
        for (int i = 0; i < WRITES; i++) {
            long start = System.nanoTime();
            Clients.await(client.write("bench/file" + (i % 50) + ".txt", content));
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        results.put("write_1k_count", WRITES);
        results.put("write_1k_p50_ms", round(micros[WRITES / 2] / 1000.0));
        results.put("write_1k_p99_ms", round(micros[(int) (WRITES * 0.99)] / 1000.0));
    }

    private static long decodedLength(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return base64.length() / 4L * 3 - padding;
    }

    private static void check(long total) {
        if (total != PAYLOAD_BYTES) {
            throw new IllegalStateException("expected " + PAYLOAD_BYTES + " bytes, got " + total);
        }
    }

    private static double megabytesPerSecond(long bytes, long nanos) {
        return bytes / (1024.0 * 1024.0) / (nanos / 1e9);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private void printTable() {
        List<String[]> rows = List.of(
                new String[] {"exec 200 MiB /dev/zero, local pipe", results.get("local_pipe_mb_s") + " MiB/s", ""},
                new String[] {"exec 200 MiB /dev/zero, bridge (base64 requested: raw binary frames)",
                        results.get("bridge_base64_mb_s") + " MiB/s",
                        results.get("bridge_base64_vs_local_pct") + " % of local (goal >= 50 %)"},
                new String[] {"exec 200 MiB /dev/zero, bridge (text output, NUL escaped)",
                        results.get("bridge_text_nul_bytes_mb_s") + " MiB/s", "worst case for text mode"},
                new String[] {"1 KiB write round trip p50 (n=" + WRITES + ")", results.get("write_1k_p50_ms") + " ms",
                        "goal < 5 ms"},
                new String[] {"1 KiB write round trip p99", results.get("write_1k_p99_ms") + " ms", ""},
                new String[] {"idle RSS (startup + requests + GC)", results.get("idle_rss_kb") + " KiB",
                        "goal < 64 MiB (65536 KiB)"},
                new String[] {"RSS after the load above", results.get("rss_after_load_kb") + " KiB", ""});
        System.out.println();
        System.out.println("| measurement | value | note |");
        System.out.println("|---|---|---|");
        rows.forEach(row -> System.out.println("| " + String.join(" | ", row) + " |"));
        System.out.println();
        System.out.println("bridge JVM flags: " + results.get("jvm_flags"));
    }

    private String toJson() {
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> entry : results.entrySet()) {
            Object value = entry.getValue();
            String rendered = value instanceof String text ? "\"" + text.replace("\"", "\\\"") + "\"" :
                    String.format(Locale.ROOT, "%s", value);
            json.append("  \"").append(entry.getKey()).append("\": ").append(rendered)
                    .append(++i < results.size() ? ",\n" : "\n");
        }
        return json.append("}\n").toString();
    }
}
