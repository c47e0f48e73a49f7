package io.kalpana.runtime;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits until a workspace's IDE answers {@code /healthz} with 200. Also watches the container, because one
 * that died while starting will never answer and its exit reason is more useful than a timeout.
 */
final class ReadinessProbe {

    // Short: every poll saved is start latency a person waits through; a refused connect costs microseconds.
    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);
    private static final Duration CONTAINER_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * @param endedReason what went wrong with the container if it is no longer running, empty while it runs
     */
    void await(WorkspaceId id, URI healthz, Duration timeout, Supplier<Optional<String>> endedReason) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextContainerCheck = started + CONTAINER_CHECK_INTERVAL.toNanos();
        HttpRequest request = HttpRequest.newBuilder(healthz).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (answers(request)) {
                return;
            }
            if (System.nanoTime() >= nextContainerCheck) {
                Optional<String> ended = endedReason.get();
                if (ended.isPresent()) {
                    throw KalpanaException.unavailable("workspace_exited",
                            "The workspace stopped while starting: " + ended.get(), null);
                }
                nextContainerCheck = System.nanoTime() + CONTAINER_CHECK_INTERVAL.toNanos();
            }
            sleep();
        }
        throw KalpanaException.unavailable("workspace_start_timeout", "Workspace " + id + " did not become ready within "
                + timeout.toSeconds() + " seconds and was stopped; try starting it again. If it keeps happening, the"
                + " Docker host may be overloaded (kalpana.workspace.start-timeout).", null);
    }

    private boolean answers(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            // Refused or reset: the IDE is not listening yet (docker-proxy accepts and then drops early on).
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KalpanaException.unavailable("workspace_start_interrupted", "Starting the workspace was interrupted", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KalpanaException.unavailable("workspace_start_interrupted", "Starting the workspace was interrupted", e);
        }
    }
}
