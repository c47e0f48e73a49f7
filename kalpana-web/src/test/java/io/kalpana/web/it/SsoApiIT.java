package io.kalpana.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API of Kalpana in oidc mode with real Keycloak tokens: access tokens for the API audience work, every other
 * token is a 401 with a JSON error that says why.
 */
@EnabledIfSystemProperty(named = "kalpana.test.sso", matches = "true")
@ExtendWith({KeycloakExtension.class, ArquillianExtension.class})
@RunAsClient
class SsoApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private Api api;
    private final Keycloak keycloak = new Keycloak();

    @BeforeEach
    void client() {
        api = new Api(reported);
    }

    @Test
    void keycloakAccessTokenIsAcceptedAndItsGroupsGiveTheRoles() {
        String alice = keycloak.accessToken("alice");
        Api.Reply mine = api.get("/api/v1/workspaces", alice);
        assertEquals(200, mine.status(), mine.body());
        Api.Reply adminOnly = api.get("/api/v1/admin/ports", alice);
        assertEquals(403, adminOnly.status(), adminOnly.body());

        Api.Reply carol = api.get("/api/v1/admin/ports", keycloak.accessToken("carol"));
        assertEquals(200, carol.status(), carol.body());
        Api.Reply users = api.get("/api/v1/admin/users", keycloak.accessToken("carol"));
        assertTrue(users.body().contains("\"alice\""), "alice's account was made at her first call: " + users.body());
    }

    /**
     * Groups change at the provider (someone joins or leaves the admin group): the stored account, which the admin
     * console and the quotas read, follows at the next sign-in. Tokens are minted with the realm's pinned key for a
     * person of this test's own, so the realm the other tests use stays as it is.
     */
    @Test
    void theAccountFollowsTheGroupsTheProviderGivesAtEachSignIn() {
        String erin = "erin-" + UUID.randomUUID().toString().substring(0, 6);
        String carol = keycloak.accessToken("carol");
        assertEquals(200, api.get("/api/v1/workspaces", tokenFor(erin, "kalpana-users")).status());
        assertEquals(List.of("user"), rolesOf(erin, carol));

        String promoted = tokenFor(erin, "kalpana-users", "kalpana-admins");
        assertEquals(200, api.get("/api/v1/admin/ports", promoted).status());
        assertEquals(List.of("admin", "user"), rolesOf(erin, carol));

        String demoted = tokenFor(erin, "kalpana-users");
        assertEquals(403, api.get("/api/v1/admin/ports", demoted).status());
        assertEquals(List.of("user"), rolesOf(erin, carol));
        Api.Reply audit = api.get("/api/v1/admin/audit?actor=" + erin, carol);
        assertTrue(audit.body().contains("user.roles"), "role changes are audited: " + audit.body());
    }

    private String tokenFor(String username, String... groups) {
        String genuine = keycloak.accessToken("alice");
        JsonArrayBuilder groupList = Json.createArrayBuilder();
        for (String group : groups) {
            groupList.add(group);
        }
        JsonObject claims = Json.createObjectBuilder(Keycloak.claims(genuine))
                .add("preferred_username", username).add("name", username).add("groups", groupList).build();
        return Keycloak.signedWithRealmKey(Keycloak.header(genuine), claims);
    }

    private List<String> rolesOf(String username, String adminToken) {
        Api.Reply users = api.get("/api/v1/admin/users", adminToken);
        assertEquals(200, users.status(), users.body());
        return users.jsonValue().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(user -> user.getString("username").equals(username))
                .findFirst().orElseThrow(() -> new AssertionError(username + " not among " + users.body()))
                .getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).sorted().toList();
    }

    @Test
    void someoneWithoutAMappedGroupIsForbiddenWithTheGroupToAskFor() {
        Api.Reply dave = api.get("/api/v1/workspaces", keycloak.accessToken("dave"));
        assertEquals(403, dave.status(), dave.body());
        assertEquals("no_access", dave.error());
        assertTrue(dave.json().getString("message").contains("kalpana-users"), dave.body());
    }

    @Test
    void kalpanasOwnTokensStillWork() {
        String admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        assertEquals(200, api.get("/api/v1/admin/ports", admin).status());
    }

    @Test
    void idTokenIsRefusedEvenThoughItNamesTheApiAudience() {
        String idToken = keycloak.tokens("kalpana-cli", "alice").getString("id_token");
        assertTrue(Keycloak.claims(idToken).getJsonArray("aud").toString().contains("kalpana-api"),
                "the dev realm puts kalpana-api into this client's ID tokens, so only the token kind can refuse it");
        refused(idToken, "ID token");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        refused(keycloak.tokens("other-app", "alice").getString("access_token"), "audience");
    }

    @Test
    void tamperedTokenIsRefused() {
        String genuine = keycloak.accessToken("alice");
        String[] parts = genuine.split("\\.");
        JsonObject claims = Keycloak.claims(genuine);
        JsonObject promoted = Json.createObjectBuilder(claims)
                .add("groups", Json.createArrayBuilder().add("kalpana-admins")).build();
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(promoted.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        refused(tampered, "signature");
    }

    @Test
    void expiredTokenIsRefused() {
        String genuine = keycloak.accessToken("alice");
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        JsonObject expired = Json.createObjectBuilder(Keycloak.claims(genuine))
                .add("iat", past - 300).add("exp", past).build();
        refused(Keycloak.signedWithRealmKey(Keycloak.header(genuine), expired), "expired");
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRefused() {
        String genuine = keycloak.accessToken("alice");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"made-up\"}".getBytes(StandardCharsets.UTF_8));
        refused(header + genuine.substring(genuine.indexOf('.')), "does not publish");
    }

    @Test
    void portalPagesSendPeopleToTheProviderWithPkce() {
        Api.Reply dashboard = api.get("/index.xhtml", null);
        assertEquals(302, dashboard.status(), dashboard.body());
        String signIn = dashboard.raw().headers().firstValue("Location").orElseThrow();
        assertTrue(signIn.contains("/oidc/signin?next=%2Findex.xhtml"), signIn);

        Api.Reply toProvider = api.get("/oidc/signin?next=/index.xhtml", null);
        assertEquals(302, toProvider.status(), toProvider.body());
        String authorize = toProvider.raw().headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.startsWith(KeycloakExtension.issuer() + "/protocol/openid-connect/auth?"), authorize);
        for (String part : new String[]{"client_id=kalpana-portal", "response_type=code", "code_challenge_method=S256",
                "state=", "nonce=", "redirect_uri=http%3A%2F%2F127.0.0.1%3A"}) {
            assertTrue(authorize.contains(part), part + " in " + authorize);
        }
    }

    @Test
    void aCallbackThatThisBrowserDidNotStartIsRefused() {
        Api.Reply forged = api.get("/oidc/callback?state=forged&code=stolen", null);
        assertEquals(400, forged.status(), forged.body());
        assertTrue(forged.body().contains("This sign-in was not started here"), forged.body());
    }

    private void refused(String token, String reason) {
        Api.Reply reply = api.get("/api/v1/workspaces", token);
        assertEquals(401, reply.status(), reply.body());
        assertEquals("invalid_token", reply.error(), reply.body());
        assertTrue(reply.json().getString("message").contains(reason), reply.body());
    }
}
