package io.kalpana.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Isolation over every endpoint Kalpana has, found by reflection over the deployed classes (JAX-RS resources,
 * WebSocket endpoints, servlets: {@link EndpointCatalog}), so that a new endpoint fails this test until it has a row in {@link #rows()}:
 * nobody signed in gets 401, user A gets 404 for B's workspaces and 403 for administration, admins reach all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IsolationMatrixIT {

    private static final String PASSWORD = "matrix-test-password";
    private static final String API = "/api/v1";

    /** What an endpoint protects, which decides what each kind of caller must get. */
    enum Scope {
        /** Open to anyone (sign-in, error page, sign-out). */
        PUBLIC,
        /** The caller's own workspaces, with no workspace in the URL: A must never see B's in the answer. */
        OWN,
        /** One workspace named in the URL: A gets 404 for B's, admins get through. */
        WORKSPACE,
        /** Administration: A gets 403, admins get through. */
        ADMIN,
        /**
         * Called by a workspace's container with its own callback token: nobody's session or API token opens it, not
         * even an admin's (401); GitCredentialsOnDockerIT shows the container's token getting through.
         */
        CONTAINER
    }

    /** One endpoint: its scope and how to call it as someone ({@code token}, null for nobody) on a workspace. */
    record Row(Scope scope, Call call) {
    }

    @FunctionalInterface
    interface Call {
        RawHttp.Answer as(String token, String workspace) throws IOException;
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private RawHttp raw;
    private ApiFixture fixture;

    /** Bob's workspace is deleted by the matrix itself; this is for a run that failed before that row. */
    @AfterEach
    void removeWorkspaces() {
        if (fixture != null) {
            fixture.removeWorkspaces();
        }
    }

    /**
     * Every endpoint, keyed like {@link EndpointCatalog.Endpoint#key()} names them. Rows are called in this order by the admin,
     * so the ones that end a workspace come last.
     */
    private Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        rows.put("POST " + API + "/tokens", new Row(Scope.PUBLIC, (t, w) -> json("POST", API + "/tokens", t,
                "{\"username\":\"nobody\",\"password\":\"wrong\"}")));
        rows.put("SERVLET /error", new Row(Scope.PUBLIC, (t, w) -> get("/error", t)));
        rows.put("SERVLET /signout", new Row(Scope.PUBLIC, (t, w) -> get("/signout", t)));
        rows.put("GET " + API + "/admin/users", new Row(Scope.ADMIN, (t, w) -> get(API + "/admin/users", t)));
        rows.put("POST " + API + "/admin/users", new Row(Scope.ADMIN, (t, w) -> json("POST", API + "/admin/users", t,
                "{\"username\":\"" + ApiFixture.unique("made") + "\",\"password\":\"" + PASSWORD
                        + "\",\"roles\":[\"user\"]}")));
        rows.put("GET " + API + "/admin/ports", new Row(Scope.ADMIN, (t, w) -> get(API + "/admin/ports", t)));
        String image = ApiFixture.unique("matrix-");
        rows.put("GET " + API + "/admin/images", new Row(Scope.ADMIN, (t, w) -> get(API + "/admin/images", t)));
        rows.put("POST " + API + "/admin/images", new Row(Scope.ADMIN, (t, w) -> json("POST", API + "/admin/images", t,
                "{\"name\":\"" + image + "\",\"reference\":\"kalpana-workspace:matrix\"}")));
        rows.put("GET " + API + "/admin/images/{id}", new Row(Scope.ADMIN, (t, w) -> get(API + "/admin/images/" + image, t)));
        rows.put("PUT " + API + "/admin/images/{id}", new Row(Scope.ADMIN, (t, w) -> json("PUT", API + "/admin/images/"
                + image, t, "{\"reference\":\"kalpana-workspace:matrix2\"}")));
        rows.put("DELETE " + API + "/admin/images/{id}", new Row(Scope.ADMIN,
                (t, w) -> json("DELETE", API + "/admin/images/" + image, t, null)));
        // An admin gets past the role check to the workspace's state: bob's is running, so the move is refused.
        rows.put("PUT " + API + "/admin/workspaces/{id}/image", new Row(Scope.ADMIN, (t, w) -> json("PUT",
                API + "/admin/workspaces/" + w + "/image", t, "{\"image\":\"blank\"}")));
        rows.put("GET " + API + "/admin/metrics", new Row(Scope.ADMIN,
                (t, w) -> raw.get(API + "/admin/metrics", auth(t) + "Accept: text/plain\r\n")));
        rows.put("GET " + API + "/images", new Row(Scope.OWN, (t, w) -> get(API + "/images?template=python", t)));
        rows.put("GET " + API + "/workspaces", new Row(Scope.OWN, (t, w) -> get(API + "/workspaces", t)));
        rows.put("POST " + API + "/workspaces", new Row(Scope.OWN, (t, w) -> json("POST", API + "/workspaces", t,
                "{\"name\":\"" + ApiFixture.unique("own-") + "\"}")));
        rows.put("WS /ws/workspaces", new Row(Scope.OWN, (t, w) -> ws(t, "/ws/workspaces")));
        rows.put("GET " + API + "/workspaces/{id}", new Row(Scope.WORKSPACE, (t, w) -> get(API + "/workspaces/" + w, t)));
        rows.put("SERVLET /w/*", new Row(Scope.WORKSPACE, (t, w) -> get("/w/" + w + "/ide/healthz", t)));
        rows.put("SERVLET /w/* (WebSocket)", new Row(Scope.WORKSPACE,
                (t, w) -> ws(t, "/w/" + w + "/ide/proxy/" + WorkspaceEcho.PORT + "/")));
        rows.put("SERVLET /workspaces/open", new Row(Scope.WORKSPACE, (t, w) -> get("/workspaces/open?id=" + w, t)));
        rows.put("SERVLET /oidc/signin", new Row(Scope.PUBLIC, (t, w) -> get("/oidc/signin", t)));
        rows.put("SERVLET /oidc/callback", new Row(Scope.PUBLIC, (t, w) -> get("/oidc/callback", t)));
        rows.put("GET " + API + "/admin/workspaces", new Row(Scope.ADMIN, (t, w) -> get(API + "/admin/workspaces", t)));
        rows.put("GET " + API + "/admin/capacity", new Row(Scope.ADMIN, (t, w) -> get(API + "/admin/capacity", t)));
        rows.put("GET " + API + "/admin/audit", new Row(Scope.ADMIN, (t, w) -> get(API + "/admin/audit", t)));
        rows.put("GET " + API + "/admin/settings", new Row(Scope.ADMIN, (t, w) -> get(API + "/admin/settings", t)));
        rows.put("PUT " + API + "/admin/settings", new Row(Scope.ADMIN, (t, w) -> json("PUT", API + "/admin/settings", t, "{}")));
        rows.put("DELETE " + API + "/admin/settings", new Row(Scope.ADMIN,
                (t, w) -> json("DELETE", API + "/admin/settings", t, null)));
        rows.put("GET " + API + "/admin/users/{id}/quota", new Row(Scope.ADMIN,
                (t, w) -> get(API + "/admin/users/admin/quota", t)));
        rows.put("PUT " + API + "/admin/users/{id}/quota", new Row(Scope.ADMIN, (t, w) -> json("PUT",
                API + "/admin/users/admin/quota", t, "{\"maxRunning\":5,\"maxTotal\":20}")));
        rows.put("DELETE " + API + "/admin/users/{id}/quota", new Row(Scope.ADMIN,
                (t, w) -> json("DELETE", API + "/admin/users/admin/quota", t, null)));
        rows.put("GET " + API + "/me/git-credentials", new Row(Scope.OWN, (t, w) -> get(API + "/me/git-credentials", t)));
        rows.put("PUT " + API + "/me/git-credentials/{id}", new Row(Scope.OWN, (t, w) -> json("PUT",
                API + "/me/git-credentials/git.example.com", t, "{\"username\":\"matrix\",\"token\":\"matrix-token-0123456789\"}")));
        rows.put("DELETE " + API + "/me/git-credentials/{id}", new Row(Scope.OWN,
                (t, w) -> json("DELETE", API + "/me/git-credentials/git.example.com", t, null)));
        rows.put("POST " + API + "/workspaces/{id}/git-credential", new Row(Scope.CONTAINER,
                (t, w) -> gitCredentialHelper(API + "/workspaces/" + w + "/git-credential", t)));
        rows.put("POST " + API + "/workspaces/{id}/keep-running", new Row(Scope.WORKSPACE,
                (t, w) -> json("POST", API + "/workspaces/" + w + "/keep-running", t, null)));
        rows.put("WS /ws/agent/{id}", new Row(Scope.WORKSPACE, (t, w) -> ws(t, "/ws/agent/" + w)));
        rows.put("GET " + API + "/workspaces/{id}/conversation", new Row(Scope.WORKSPACE,
                (t, w) -> get(API + "/workspaces/" + w + "/conversation", t)));
        rows.put("POST " + API + "/workspaces/{id}/conversation/cancel", new Row(Scope.WORKSPACE,
                (t, w) -> json("POST", API + "/workspaces/" + w + "/conversation/cancel", t, null)));
        // An admin gets past the workspace check to the approval itself, which does not exist: that 404 names it.
        rows.put("POST " + API + "/workspaces/{id}/conversation/approvals/{id}", new Row(Scope.WORKSPACE,
                (t, w) -> json("POST", API + "/workspaces/" + w + "/conversation/approvals/approval-1", t,
                        "{\"approved\":false}")));
        rows.put("POST " + API + "/workspaces/{id}/conversation/messages", new Row(Scope.WORKSPACE,
                (t, w) -> json("POST", API + "/workspaces/" + w + "/conversation/messages", t, "{\"text\":\"hello\"}")));
        rows.put("POST " + API + "/workspaces/{id}/start", new Row(Scope.WORKSPACE,
                (t, w) -> json("POST", API + "/workspaces/" + w + "/start", t, null)));
        rows.put("POST " + API + "/workspaces/{id}/stop", new Row(Scope.WORKSPACE,
                (t, w) -> json("POST", API + "/workspaces/" + w + "/stop", t, null)));
        rows.put("DELETE " + API + "/workspaces/{id}", new Row(Scope.WORKSPACE,
                (t, w) -> json("DELETE", API + "/workspaces/" + w, t, null)));
        return rows;
    }

    @Test
    void everyEndpointIsolatesPeopleAndLetsAdminsThrough() throws Exception {
        raw = new RawHttp(reported);
        Api api = new Api(KalpanaDeployment.onLoopback(reported));
        Map<String, Row> rows = rows();
        Set<String> discovered = EndpointCatalog.keys();
        Set<String> missing = new TreeSet<>(discovered);
        missing.removeAll(rows.keySet());
        assertEquals(Set.of(), missing, "endpoints without a row in the isolation matrix");
        Set<String> stale = new TreeSet<>(rows.keySet());
        stale.removeAll(discovered);
        stale.remove("SERVLET /w/* (WebSocket)");
        assertEquals(Set.of(), stale, "rows for endpoints that no longer exist");

        String admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        fixture = new ApiFixture(api, PASSWORD);
        String alice = fixture.personsToken("alice");
        String bob = fixture.personsToken("bob");
        String bobs = fixture.runningWorkspace(bob, "bobs", "blank");
        WorkspaceEcho.start(bobs);

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Row> row : rows.entrySet()) {
            if (row.getValue().scope() == Scope.PUBLIC) {
                continue;
            }
            RawHttp.Answer anonymous = row.getValue().call().as(null, bobs);
            boolean refused = anonymous.status() == 401
                    || (anonymous.status() == 302 && String.valueOf(anonymous.header("Location")).contains("/login.xhtml"));
            check(failures, refused, row.getKey() + " without sign-in: " + anonymous.status());
        }

        List<String> aliceHeard = listen(alice);
        List<String> bobHeard = listen(bob);
        for (Map.Entry<String, Row> row : rows.entrySet()) {
            RawHttp.Answer answer = row.getValue().call().as(alice, bobs);
            switch (row.getValue().scope()) {
                case WORKSPACE -> check(failures, answer.status() == 404, row.getKey() + " by alice on bob's: " + answer.status());
                case ADMIN -> check(failures, answer.status() == 403, row.getKey() + " by alice: " + answer.status());
                case CONTAINER -> check(failures, answer.status() == 401 && !answer.body().contains("password="),
                        row.getKey() + " by alice on bob's: " + answer.status());
                case OWN -> check(failures, answer.status() / 100 == 2 || answer.status() == 101,
                        row.getKey() + " by alice: " + answer.status());
                case PUBLIC -> {
                    // the same for everyone
                }
            }
            if (row.getValue().scope() == Scope.OWN) {
                check(failures, !answer.body().contains(bobs), row.getKey() + " shows alice bob's workspace");
            }
        }
        Api.Reply stillThere = api.get(API + "/workspaces/" + bobs, bob);
        assertEquals("RUNNING", stillThere.json().getString("status"), "nothing alice tried changed bob's workspace");
        check(failures, !api.get(API + "/workspaces", alice).body().contains(bobs), "alice's list has bob's workspace");

        for (Map.Entry<String, Row> row : rows.entrySet()) {
            if (row.getValue().scope() == Scope.PUBLIC) {
                continue;
            }
            RawHttp.Answer answer = row.getValue().call().as(admin, bobs);
            if (row.getValue().scope() == Scope.CONTAINER) {
                check(failures, answer.status() == 401 && !answer.body().contains("password="),
                        row.getKey() + " by an admin's API token: " + answer.status());
                continue;
            }
            boolean through = answer.status() / 100 == 2 || answer.status() == 101
                    || (row.getKey().endsWith("/approvals/{id}") && answer.body().contains("approval_not_found"))
                    || (row.getKey().endsWith("/admin/workspaces/{id}/image") && answer.body().contains("workspace_not_stopped"))
                    || (row.getKey().equals("SERVLET /workspaces/open") && answer.status() == 302
                    && String.valueOf(answer.header("Location")).contains("/w/" + bobs + "/ide/"));
            check(failures, through, row.getKey() + " by an admin on bob's: " + answer.status() + " " + answer.body());
        }
        assertEquals(Collections.emptyList(), failures);

        assertEquals(404, api.get(API + "/workspaces/" + bobs, bob).status(), "the admin deleted bob's workspace");
        TimeUnit.SECONDS.sleep(3);
        // Stop and delete may fall into one poll of the live channel, which then reports only the removal.
        assertTrue(bobHeard.stream().anyMatch(m -> m.contains(bobs) || m.contains("\"removed\"")),
                "bob's dashboard heard of his workspace stopping or going: " + bobHeard);
        assertFalse(aliceHeard.stream().anyMatch(m -> m.contains("\"removed\"")), "alice hears nothing of bob's removal");
        assertFalse(aliceHeard.stream().anyMatch(m -> m.contains(bobs)), "alice's dashboard never hears of bob's: " + aliceHeard);
    }

    private static void check(List<String> failures, boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }

    private static String auth(String token) {
        return token == null ? "" : "Authorization: Bearer " + token + "\r\n";
    }

    private RawHttp.Answer get(String path, String token) throws IOException {
        return raw.get(path, auth(token) + "Accept: application/json\r\n");
    }

    private RawHttp.Answer json(String method, String path, String token, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return raw.exchange(method + " " + path + " HTTP/1.1\r\nHost: " + raw.hostHeader() + "\r\nConnection: close\r\n"
                + auth(token) + "Accept: application/json\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n\r\n" + (body == null ? "" : body).replace("\r\n", ""), 120_000);
    }

    /** As the workspace's credential helper asks: git's fields as text/plain. */
    private RawHttp.Answer gitCredentialHelper(String path, String token) throws IOException {
        String body = "protocol=https\nhost=git.example.com\n\n";
        return raw.exchange("POST " + path + " HTTP/1.1\r\nHost: " + raw.hostHeader() + "\r\nConnection: close\r\n"
                + auth(token) + "Content-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, 30_000);
    }

    private RawHttp.Answer ws(String token, String path) throws IOException {
        return raw.upgrade(path, auth(token));
    }

    /** Messages the dashboard channel sends to the holder of {@code token}. */
    private List<String> listen(String token) throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        URI uri = URI.create("ws://" + raw.hostHeader() + "/ws/workspaces");
        HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        heard.add(data.toString());
                        socket.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        return heard;
    }
}
