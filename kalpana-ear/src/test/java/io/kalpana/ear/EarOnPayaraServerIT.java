package io.kalpana.ear;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Deploys {@code target/kalpana.ear} to a fresh Payara Server domain (never Payara Micro, which cannot deploy an
 * EAR) on non-default ports and checks, over HTTP on 127.0.0.1 only, that the web module, the EJB module and the
 * embedded store work together. The domain is undeployed from and stopped in {@link #stopDomain()} whatever
 * happened before; no Payara process of this domain outlives the test class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarOnPayaraServerIT {

    private static final String DOMAIN = "kalpana-it";
    private static final String APP = "kalpana";
    private static final String ADMIN_PASSWORD = "ear-it-admin-password";
    private static final String LOOPBACK = "127.0.0.1";

    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration ADMIN_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);

    private static Path asadmin;
    private static Path javaHome;
    private static Path ear;
    private static Path workDir;
    private static Path domainDir;
    private static Path domainsDir;
    private static int adminPort;
    private static int httpPort;
    private static boolean started;
    private static boolean deployed;
    private static boolean failed;
    private static final long SUITE_START = System.nanoTime();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeAll
    static void createStartAndDeploy() throws Exception {
        try {
            Path payaraHome = existing("payara.server.home", true);
            asadmin = payaraHome.resolve("bin/asadmin");
            assertTrue(Files.isExecutable(asadmin), "asadmin is missing or not executable: " + asadmin);
            javaHome = existing("kalpana.ear.it.javaHome", true);
            assertTrue(Files.isExecutable(javaHome.resolve("bin/java")), "no JDK at " + javaHome);
            ear = existing("kalpana.ear", false);
            workDir = existing("kalpana.ear.it.workDir", true);
            int portbase = Integer.parseInt(required("kalpana.ear.it.portbase"));
            adminPort = portbase + 48;
            httpPort = portbase + 80;

            domainsDir = workDir.resolve("ear-it-domains");
            domainDir = domainsDir.resolve(DOMAIN);
            Path dataDir = workDir.resolve("ear-it-data");
            // A server left behind by a killed earlier run would hold the ports and the files about to be deleted
            for (ProcessHandle stale : leftoverServerProcesses()) {
                System.out.println("[EarOnPayaraServerIT] killing a server left by an earlier run: pid " + stale.pid());
                stale.destroyForcibly();
                stale.onExit().get(30, TimeUnit.SECONDS);
            }
            deleteTree(domainsDir);
            deleteTree(dataDir);
            Files.createDirectories(domainsDir);
            Files.createDirectories(dataDir);

            long t0 = System.nanoTime();
            asadmin(CREATE_TIMEOUT, "create-domain", "--nopassword=true", "--checkports=true",
                    "--portbase", String.valueOf(portbase), "--domaindir", domainsDir.toString(), DOMAIN);
            long t1 = System.nanoTime();
            asadmin(START_TIMEOUT, "start-domain", "--domaindir", domainsDir.toString(), DOMAIN);
            started = true;
            long t2 = System.nanoTime();
            // Kalpana's settings as system properties of the server JVM (':' separates options, so escape it)
            asadmin(ADMIN_TIMEOUT, "--port", String.valueOf(adminPort), "create-jvm-options",
                    escapeJvmOption("-Dkalpana.data.dir=" + dataDir) + ":"
                            + escapeJvmOption("-Dkalpana.admin.password=" + ADMIN_PASSWORD));
            // JVM options take effect only on a JVM restart
            asadmin(START_TIMEOUT, "restart-domain", "--domaindir", domainsDir.toString(), DOMAIN);
            long t3 = System.nanoTime();
            asadmin(DEPLOY_TIMEOUT, "--port", String.valueOf(adminPort), "deploy", "--name", APP,
                    "--force=true", ear.toString());
            deployed = true;
            long t4 = System.nanoTime();
            System.out.printf("[EarOnPayaraServerIT] create-domain %.1f s, start-domain %.1f s, "
                            + "jvm-options + restart-domain %.1f s, deploy %.1f s%n",
                    secs(t1 - t0), secs(t2 - t1), secs(t3 - t2), secs(t4 - t3));
        } catch (Throwable e) {
            failed = true;
            throw e;
        }
    }

    @Test
    @Order(1)
    void loginPageIsServedAtTheContextRoot() throws Exception {
        HttpResponse<String> page = get("/login.xhtml");
        assertEquals(200, page.statusCode(), page::body);
        assertTrue(page.body().contains("Sign in to Kalpana"), page::body);
    }

    @Test
    @Order(2)
    void healthIsReady() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode(), ready::body);
        assertTrue(ready.body().replace(" ", "").contains("\"status\":\"UP\""), ready::body);
    }

    @Test
    @Order(3)
    void adminGetsATokenThroughTheEjbAndTheEmbeddedStore() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url("/api/v1/tokens"))
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build();
        HttpResponse<String> reply = send(request);
        assertEquals(200, reply.statusCode(), reply::body);
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(reply.body());
        assertTrue(token.find(), reply::body);
        assertTrue(token.group(1).length() > 20, reply::body);
    }

    @AfterAll
    static void stopDomain() throws Exception {
        List<String> problems = new ArrayList<>();
        try {
            if (failed) {
                printServerLogTail();
            }
            if (deployed) {
                try {
                    asadmin(DEPLOY_TIMEOUT, "--port", String.valueOf(adminPort), "undeploy", APP);
                } catch (Throwable e) {
                    problems.add("undeploy: " + e.getMessage());
                }
            }
            if (started || domainDir != null && Files.exists(domainDir)) {
                try {
                    asadmin(STOP_TIMEOUT, "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN);
                } catch (Throwable e) {
                    problems.add("stop-domain: " + e.getMessage());
                    try {
                        asadmin(STOP_TIMEOUT, "stop-domain", "--kill=true", "--domaindir", domainsDir.toString(),
                                DOMAIN);
                    } catch (Throwable again) {
                        problems.add("stop-domain --kill: " + again.getMessage());
                    }
                }
            }
        } finally {
            List<ProcessHandle> left = leftoverServerProcesses();
            for (ProcessHandle process : left) {
                problems.add("still running after stop-domain, killed: pid " + process.pid() + " "
                        + process.info().commandLine().orElse("?"));
                process.destroyForcibly();
                process.onExit().get(30, TimeUnit.SECONDS);
            }
            System.out.printf("[EarOnPayaraServerIT] total %.1f s%n", secs(System.nanoTime() - SUITE_START));
        }
        if (!problems.isEmpty()) {
            if (!failed) {
                printServerLogTail();
            }
            fail("Cleaning up the Payara Server domain went wrong: " + String.join("; ", problems));
        }
    }

    /** Marks the class failed (so {@link #stopDomain()} prints the server log) before rethrowing. */
    private HttpResponse<String> send(HttpRequest request) throws Exception {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failed = true;
            }
            return response;
        } catch (Exception e) {
            failed = true;
            throw e;
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).timeout(HTTP_TIMEOUT).GET().build());
    }

    private static URI url(String path) {
        if (!started || !deployed) {
            failed = true;
            fail("Kalpana is not deployed; see the output of @BeforeAll");
        }
        return URI.create("http://" + LOOPBACK + ":" + httpPort + path);
    }

    /** Runs asadmin with a bounded time; a non-zero exit or a timeout is a failure that shows asadmin's output. */
    private static String asadmin(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(asadmin.toString());
        command.add("--interactive=false");
        command.add("--echo=true");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("AS_JAVA", javaHome.toString());
        env.put("PATH", javaHome.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Path log = Files.createTempFile(workDir, "asadmin-", ".log");
        builder.redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        System.out.printf("[EarOnPayaraServerIT] asadmin %s -> %s in %.1f s%n%s%n", String.join(" ", args),
                finished ? "exit " + process.exitValue() : "TIMED OUT", secs(System.nanoTime() - t0),
                output.strip());
        if (!finished) {
            throw new IllegalStateException("asadmin " + args[0] + " did not finish within " + timeout + ":\n"
                    + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " exited with "
                    + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    /** The server JVM(s) of this test's domain: their command line names the domain directory under target/. */
    private static List<ProcessHandle> leftoverServerProcesses() {
        if (domainDir == null) {
            return List.of();
        }
        String marker = domainsDir.toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }

    private static void printServerLogTail() {
        if (domainDir == null) {
            return;
        }
        Path log = domainDir.resolve("logs/server.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            int from = Math.max(0, lines.size() - 200);
            System.out.println("[EarOnPayaraServerIT] ---- last " + (lines.size() - from) + " lines of " + log
                    + " ----");
            lines.subList(from, lines.size()).forEach(System.out::println);
            System.out.println("[EarOnPayaraServerIT] ---- end of server.log ----");
        } catch (IOException e) {
            System.out.println("[EarOnPayaraServerIT] no server.log to show at " + log + ": " + e);
        }
    }

    private static String escapeJvmOption(String option) {
        return option.replace("\\", "\\\\").replace(":", "\\:");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            fail("System property " + property + " is not set; run this test through maven-failsafe in kalpana-ear");
        }
        return value;
    }

    private static Path existing(String property, boolean directory) {
        Path path = Path.of(required(property)).toAbsolutePath();
        if (directory ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
            fail(property + " points at " + path + ", which does not exist");
        }
        return path;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }
}
