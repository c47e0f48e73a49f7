package io.kalpana.web.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * A real Keycloak with the dev realm of server-config/keycloak, started once for all SSO test classes (before
 * Arquillian's Payara, which reads the provider only at the first sign-in) and stopped when the run ends.
 * Keycloak itself comes from Maven Central, unpacked by the build (execution 'keycloak' of kalpana-web's pom).
 */
public final class KeycloakExtension implements BeforeAllCallback {

    private static final Logger LOG = Logger.getLogger(KeycloakExtension.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    static int port() {
        return Integer.getInteger("kalpana.test.keycloakPort", 47180);
    }

    static String issuer() {
        return "http://127.0.0.1:" + port() + "/realms/kalpana";
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KeycloakExtension.class, key -> start(), Running.class);
    }

    private static Running start() {
        if (answers()) {
            LOG.warning("a Keycloak already answers on port " + port() + "; the tests use it as it is");
            return new Running(null);
        }
        Path home = Path.of(System.getProperty("kalpana.test.keycloakHome", "target/keycloak/keycloak"));
        Path realm = Path.of(System.getProperty("kalpana.test.keycloakRealm", "../server-config/keycloak/kalpana-realm.json"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home + ": run the build through 'verify' so that "
                    + "maven-dependency-plugin unpacks org.keycloak:keycloak-quarkus-dist");
        }
        try {
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, home.resolve("data/import/kalpana-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Path log = Path.of(System.getProperty("kalpana.test.artifacts", "target/test-artifacts")).resolve("keycloak.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--import-realm", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port(),
                    "--hostname=http://127.0.0.1:" + port(), "--health-enabled=false"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Path javaHome = Path.of(System.getProperty("kalpana.test.keycloakJavaHome", ""));
            if (!javaHome.toString().isEmpty() && Files.isDirectory(javaHome)) {
                builder.environment().put("JAVA_HOME", javaHome.toString());
            }
            long started = System.nanoTime();
            Process process = builder.start();
            Running running = new Running(process);
            long deadline = started + START_TIMEOUT.toNanos();
            while (!answers()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    running.close();
                    throw new IllegalStateException("Keycloak did not start; see " + log);
                }
                Thread.sleep(500);
            }
            LOG.info(String.format("Keycloak ready after %.1f s on %s", (System.nanoTime() - started) / 1e9, issuer()));
            return running;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak from " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(issuer() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops Keycloak (kc.sh and the JVM it started) when JUnit closes the root store (it closes AutoCloseables). */
    record Running(Process process) implements AutoCloseable {

        @Override
        public void close() {
            if (process == null) {
                return;
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
