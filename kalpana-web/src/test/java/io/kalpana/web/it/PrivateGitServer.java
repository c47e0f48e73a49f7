package io.kalpana.web.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A company's private Git host in miniature: a bare repository served over https as plain files (git's "dumb HTTP"
 * protocol), behind Basic authentication, with a certificate of a test CA that workspace images must trust as they
 * trust the company's CA. Bound to all interfaces so containers reach it at host.docker.internal.
 */
final class PrivateGitServer implements AutoCloseable {

    static final String CONTAINER_HOST = "host.docker.internal";
    private static final String STORE_PASSWORD = "kalpana-test-store";

    private final Path root;
    private final Path bare;
    private final Path work;
    private final String username;
    private final String token;
    private final HttpsServer server;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();

    PrivateGitServer(Path root, String username, String token) throws Exception {
        this.root = root;
        this.bare = root.resolve("repos/app.git");
        this.work = root.resolve("work");
        this.username = username;
        this.token = token;
        Path keyStore = makeCertificates();
        git(root, "init", "-q", "--bare", "-b", "main", bare.toString());
        git(root, "init", "-q", "-b", "main", work.toString());
        commit("PRIVATE.md", "private repository of the credentials test\n", "first");
        server = HttpsServer.create(new InetSocketAddress("0.0.0.0", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext(keyStore)));
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The repository's URL as containers use it. */
    String repoUrl() {
        return "https://" + host() + "/app.git";
    }

    /** The host as git's credential protocol names it. */
    String host() {
        return CONTAINER_HOST + ":" + server.getAddress().getPort();
    }

    /** PEM of the CA that signed the server's certificate. */
    Path caCertificate() {
        return root.resolve("ca.pem");
    }

    int refusedRequests() {
        return refused.get();
    }

    int servedRequests() {
        return served.get();
    }

    /** A new commit on main, published for dumb HTTP; its id. */
    String commit(String file, String content, String message) throws Exception {
        Files.writeString(work.resolve(file), content);
        git(work, "add", file);
        git(work, "-c", "user.name=Kalpana Test", "-c", "user.email=test@kalpana.invalid", "commit", "-q", "-m", message);
        git(work, "push", "-q", bare.toUri().toString(), "main");
        git(bare, "update-server-info");
        return git(work, "rev-parse", "HEAD").strip();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(presented)) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"private git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            // Query strings (?service=git-upload-pack) are ignored: static files are what make git speak dumb HTTP.
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve("repos").resolve(path.substring(1)).normalize();
            if (!file.startsWith(root.resolve("repos")) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            served.incrementAndGet();
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** A test CA and a server certificate for host.docker.internal signed by it, made with the JDK's keytool. */
    private Path makeCertificates() throws Exception {
        Files.createDirectories(root);
        Path store = root.resolve("server.p12");
        String keytool = System.getProperty("java.home") + "/bin/keytool";
        List<String> common = List.of("-keystore", store.toString(), "-storepass", STORE_PASSWORD, "-storetype", "PKCS12");
        run(root, keytool, common, "-genkeypair", "-alias", "ca", "-dname", "CN=Kalpana test CA", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-ext", "bc:c");
        run(root, keytool, common, "-genkeypair", "-alias", "git", "-dname", "CN=" + CONTAINER_HOST, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2");
        run(root, keytool, common, "-exportcert", "-alias", "ca", "-rfc", "-file", caCertificate().toString());
        run(root, keytool, common, "-certreq", "-alias", "git", "-file", root.resolve("git.csr").toString());
        run(root, keytool, common, "-gencert", "-alias", "ca", "-infile", root.resolve("git.csr").toString(),
                "-outfile", root.resolve("git.pem").toString(), "-rfc", "-validity", "2",
                "-ext", "SAN=dns:" + CONTAINER_HOST, "-ext", "EKU=serverAuth");
        run(root, keytool, common, "-importcert", "-alias", "git", "-file", root.resolve("git.pem").toString(), "-noprompt");
        // One key left, so the server presents the host's certificate (with the CA in its chain).
        run(root, keytool, common, "-delete", "-alias", "ca");
        return store;
    }

    private static SSLContext sslContext(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static String git(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return run(directory, command);
    }

    private static String run(Path directory, String program, List<String> common, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(program, args[0]));
        command.addAll(common);
        command.addAll(List.of(args).subList(1, args.length));
        return run(directory, command);
    }

    private static String run(Path directory, List<String> command) throws Exception {
        Files.createDirectories(directory);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
