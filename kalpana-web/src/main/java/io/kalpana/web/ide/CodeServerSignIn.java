package io.kalpana.web.ide;

import io.kalpana.problem.KalpanaException;
import io.kalpana.runtime.IdePassword;
import io.kalpana.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * Signs in to a container's code-server with the workspace's password, the way its login form does, and keeps
 * the session cookie for as long as that container runs. People never see or type the password.
 */
@ApplicationScoped
public class CodeServerSignIn {

    private static final Logger LOG = Logger.getLogger(CodeServerSignIn.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private record Held(String containerId, CodeServerSession session) {
    }

    private final ConcurrentMap<WorkspaceId, Held> sessions = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** The session with this container's code-server; signs in on first use. */
    public CodeServerSession sessionFor(WorkspaceId workspace, String containerId, String origin, IdePassword password) {
        Held held = sessions.get(workspace);
        if (held != null && held.containerId().equals(containerId)) {
            return held.session();
        }
        CodeServerSession session = signIn(workspace, origin, password);
        sessions.put(workspace, new Held(containerId, session));
        return session;
    }

    /** Drops the session, e.g. when code-server no longer accepts it. */
    public void forget(WorkspaceId workspace) {
        sessions.remove(workspace);
    }

    private CodeServerSession signIn(WorkspaceId workspace, String origin, IdePassword password) {
        HttpRequest login = HttpRequest.newBuilder(URI.create(origin + "/login"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(password.value(), StandardCharsets.UTF_8)))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(login, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw unreachable(workspace, "did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw unreachable(workspace, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(workspace, "interrupted");
        }
        Optional<CodeServerSession> session = response.headers().allValues("Set-Cookie").stream()
                .map(CodeServerSignIn::sessionCookie).flatMap(Optional::stream).findFirst();
        if (response.statusCode() / 100 != 3 || session.isEmpty()) {
            LOG.warning(() -> "workspace=" + workspace + " code-server refused Kalpana's sign-in (status "
                    + response.statusCode() + ")");
            throw KalpanaException.conflict("ide_sign_in_refused", "The workspace's VS Code refused Kalpana's sign-in; "
                    + "stop and start the workspace to give it a new password");
        }
        LOG.info(() -> "workspace=" + workspace + " signed in to code-server for the IDE proxy");
        return session.get();
    }

    /** code-server's session cookie is the one whose name contains {@code session}, e.g. {@code code-server-session}. */
    static Optional<CodeServerSession> sessionCookie(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return Optional.empty();
        }
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        return name.contains("session") && !value.isEmpty() ? Optional.of(new CodeServerSession(name, value)) : Optional.empty();
    }

    private static KalpanaException unreachable(WorkspaceId workspace, String why) {
        LOG.warning(() -> "workspace=" + workspace + " code-server sign-in failed: " + why);
        return KalpanaException.unavailable("ide_unreachable",
                "The workspace's VS Code does not answer; it may still be starting. Try again in a moment", null);
    }
}
