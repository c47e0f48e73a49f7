package io.kalpana.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST API over real HTTP against Kalpana deployed on Payara Micro. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

    private static final String USER_PASSWORD = "a-long-enough-password";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private ApiFixture fixture;
    private String admin;

    @BeforeEach
    void signInAsAdmin() {
        api = new Api(base);
        fixture = new ApiFixture(api, USER_PASSWORD);
        admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
    }

    @Test
    void healthIsReadyWithTheStoreAndOpenApiIsServed() {
        Api.Reply ready = api.get("/health/ready", null);
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getString("status"));
        Api.Reply openapi = api.get("/openapi", null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/workspaces"), openapi.body());
    }

    @Test
    void tokensNeedTheRightPassword() {
        Api.Reply wrong = api.post("/api/v1/tokens", null, "{\"username\":\"admin\",\"password\":\"wrong-password\"}");
        assertEquals(401, wrong.status());
        assertEquals("invalid_credentials", wrong.error());
        Api.Reply unknown = api.post("/api/v1/tokens", null, "{\"username\":\"nobody\",\"password\":\"whatever-it-is\"}");
        assertEquals(401, unknown.status());
        assertEquals("invalid_credentials", unknown.error());
        Api.Reply ok = api.post("/api/v1/tokens", null, "{\"username\":\"Admin\",\"password\":\"" + KalpanaDeployment.ADMIN_PASSWORD + "\"}");
        assertEquals(200, ok.status(), ok.body());
        assertNotNull(ok.json().getString("expiresAt"));
    }

    @Test
    void badRequestBodiesAreExplained() {
        assertEquals("missing_credentials", api.post("/api/v1/tokens", null, "{}").error());
        Api.Reply malformed = api.post("/api/v1/tokens", null, "{\"username\": ");
        assertEquals(400, malformed.status(), malformed.body());
        assertEquals("malformed_json", malformed.error());
        Api.Reply wrongType = api.post("/api/v1/workspaces", admin, "[1,2,3]");
        assertEquals(400, wrongType.status(), wrongType.body());
        Api.Reply notJson = api.send("POST", "/api/v1/workspaces", admin, "name=x", "text/plain");
        assertEquals(415, notJson.status(), notJson.body());
        assertEquals("unsupported_media_type", notJson.error());
        Api.Reply huge = api.post("/api/v1/workspaces", admin, "{\"name\":\"" + "x".repeat(1536 * 1024) + "\"}");
        assertEquals(413, huge.status());
        assertEquals("payload_too_large", huge.error());
        assertEquals(200, api.get("/health/ready", null).status(), "the server keeps serving");
    }

    @Test
    void withoutAValidTokenTheApiAnswers401() {
        Api.Reply none = api.get("/api/v1/workspaces", null);
        assertEquals(401, none.status());
        assertEquals("unauthenticated", none.error());
        String[] parts = admin.split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\":\"kalpana\",\"sub\":\"mallory\",\"upn\":\"mallory\",\"groups\":[\"admin\"],\"iat\":1,\"exp\":9999999999}".getBytes());
        for (String bad : new String[] {"garbage", parts[0] + "." + forgedClaims + "." + parts[2], admin + "x"}) {
            Api.Reply refused = api.get("/api/v1/workspaces", bad);
            assertEquals(401, refused.status(), bad);
            assertEquals("invalid_token", refused.error());
        }
    }

    @Test
    void workspaceLifecycleOfRecordsAndValidation() {
        String owner = fixture.personsToken("owner");

        Api.Reply created = api.post("/api/v1/workspaces", owner,
                "{\"name\":\"shop\",\"template\":\"java-maven\",\"repoUrl\":\"https://git.example.com/shop.git\"}");
        assertEquals(201, created.status(), created.body());
        JsonObject workspace = created.json();
        String id = workspace.getString("id");
        assertEquals("STOPPED", workspace.getString("status"));
        assertEquals("java-maven", workspace.getString("template"));
        for (String field : new String[] {"id", "name", "status", "statusReason", "template", "repoUrl", "idePort",
                "bridgePort", "ideUrl", "createdAt", "lastActivityAt"}) {
            assertTrue(workspace.containsKey(field), "field " + field + " in " + workspace);
        }
        assertTrue(created.raw().headers().firstValue("Location").orElseThrow().endsWith("/api/v1/workspaces/" + id));

        Api.Reply duplicate = api.post("/api/v1/workspaces", owner, "{\"name\":\"SHOP\"}");
        assertEquals(409, duplicate.status());
        assertEquals("workspace_name_taken", duplicate.error());

        assertEquals("invalid_workspace_name", api.post("/api/v1/workspaces", owner, "{\"name\":\"  \"}").error());
        assertEquals("invalid_workspace_name", api.post("/api/v1/workspaces", owner, "{}").error());
        assertEquals("invalid_repo_url", api.post("/api/v1/workspaces", owner,
                "{\"name\":\"evil\",\"repoUrl\":\"--upload-pack=touch /tmp/pwned\"}").error());
        assertEquals("unknown_template", api.post("/api/v1/workspaces", owner, "{\"name\":\"t\",\"template\":\"cobol\"}").error());

        Api.Reply fetched = api.get("/api/v1/workspaces/" + id, owner);
        assertEquals(200, fetched.status());
        assertEquals("shop", fetched.json().getString("name"));
        JsonArray mine = (JsonArray) api.get("/api/v1/workspaces", owner).jsonValue();
        assertEquals(1, mine.size());

        assertEquals(204, api.send("DELETE", "/api/v1/workspaces/" + id, owner, null).status());
        Api.Reply gone = api.get("/api/v1/workspaces/" + id, owner);
        assertEquals(404, gone.status());
        assertEquals("workspace_not_found", gone.error());
        assertEquals(404, api.send("DELETE", "/api/v1/workspaces/" + id, owner, null).status());
        assertEquals(404, api.get("/api/v1/workspaces/not-an-id", owner).status());
    }

    @Test
    void peopleSeeOnlyTheirOwnWorkspaces() {
        String alice = fixture.personsToken("alice");
        String bob = fixture.personsToken("bob");
        String alicesId = api.post("/api/v1/workspaces", alice, "{\"name\":\"alices-secret\"}").json().getString("id");

        Api.Reply peek = api.get("/api/v1/workspaces/" + alicesId, bob);
        assertEquals(404, peek.status());
        assertEquals("workspace_not_found", peek.error());
        assertEquals(404, api.send("DELETE", "/api/v1/workspaces/" + alicesId, bob, null).status());
        assertFalse(api.get("/api/v1/workspaces", bob).body().contains(alicesId));
        assertEquals(200, api.get("/api/v1/workspaces/" + alicesId, alice).status(), "bob's attempt changed nothing");
        assertEquals(200, api.get("/api/v1/workspaces/" + alicesId, admin).status(), "admins see every workspace");
    }

    @Test
    void onlyAdminsManageUsers() {
        String carolName = fixture.person("carol");
        String carol = api.token(carolName, USER_PASSWORD);
        Api.Reply forbidden = api.post("/api/v1/admin/users", carol, "{\"username\":\"eve\",\"password\":\"" + USER_PASSWORD + "\"}");
        assertEquals(403, forbidden.status());
        assertEquals("forbidden", forbidden.error());
        assertEquals(403, api.get("/api/v1/admin/users", carol).status());

        Api.Reply weak = api.post("/api/v1/admin/users", admin, "{\"username\":\"dave\",\"password\":\"short\"}");
        assertEquals(400, weak.status());
        assertEquals("weak_password", weak.error());
        Api.Reply badName = api.post("/api/v1/admin/users", admin, "{\"username\":\"-rf\",\"password\":\"" + USER_PASSWORD + "\"}");
        assertEquals("invalid_username", badName.error());
        Api.Reply badRole = api.post("/api/v1/admin/users", admin,
                "{\"username\":\"dave\",\"password\":\"" + USER_PASSWORD + "\",\"roles\":[\"root\"]}");
        assertEquals("unknown_role", badRole.error());
        Api.Reply again = api.post("/api/v1/admin/users", admin, "{\"username\":\"" + carolName + "\",\"password\":\"" + USER_PASSWORD + "\"}");
        assertEquals(409, again.status());
        assertEquals("user_exists", again.error());
        assertTrue(api.get("/api/v1/admin/users", admin).body().contains("\"" + carolName + "\""));
    }

    @Test
    void liveStatusChannelNeedsASignedInPerson() {
        URI socket = URI.create(KalpanaDeployment.onLoopback(base).toString().replaceFirst("^http", "ws")
                .replaceAll("/$", "") + "/ws/workspaces");
        CompletionException refused = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().buildAsync(socket, new WebSocket.Listener() { }).join());
        assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
    }

    @Test
    void unknownAddressesAnswerJson404() {
        Api.Reply missing = api.get("/api/v1/no-such-thing", admin);
        assertEquals(404, missing.status());
        assertEquals("not_found", missing.error());
    }
}
