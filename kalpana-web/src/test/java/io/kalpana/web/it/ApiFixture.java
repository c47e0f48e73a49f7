package io.kalpana.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a test makes through the API: people under names no earlier run used (the data directory outlives a run),
 * and workspaces, which {@link #removeWorkspaces()} stops and deletes after the test whether it passed or not.
 */
final class ApiFixture {

    private final Api api;
    private final String password;
    private final List<Made> workspaces = new CopyOnWriteArrayList<>();
    private String adminToken;

    /** A workspace and the token it was made with, which may stop and delete it. */
    private record Made(String id, String token) {
    }

    /** People made here sign in with {@code password}. */
    ApiFixture(Api api, String password) {
        this.api = api;
        this.password = password;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A new person with the user role, made by the admin; answers the username. */
    String person(String prefix) {
        String username = unique(prefix);
        api.createUser(admin(), username, password, "user");
        return username;
    }

    /** A new person with the user role; answers a token of theirs. */
    String personsToken(String prefix) {
        return api.token(person(prefix), password);
    }

    /** A stopped workspace, removed after the test; {@code template} null leaves the choice to Kalpana. */
    String workspace(String token, String name, String template) {
        JsonObjectBuilder request = Json.createObjectBuilder().add("name", name);
        if (template != null) {
            request.add("template", template);
        }
        Api.Reply created = api.post("/api/v1/workspaces", token, request.build().toString());
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        removeAfterwards(id, token);
        return id;
    }

    /** A workspace started and ready (the start answers when its IDE does), removed after the test. */
    String runningWorkspace(String token, String name, String template) {
        String id = workspace(token, name, template);
        Api.Reply started = api.post("/api/v1/workspaces/" + id + "/start", token, null);
        assertEquals(200, started.status(), started.body());
        assertEquals("RUNNING", started.json().getString("status"), started.body());
        return id;
    }

    /** A workspace made some other way (the portal, a timed request), removed after the test with {@code token}. */
    void removeAfterwards(String id, String token) {
        workspaces.add(new Made(id, token));
    }

    /** Stops and deletes every workspace made here, each with the token it was made with. */
    void removeWorkspaces() {
        workspaces.forEach(made -> api.removeWorkspace(made.id(), made.token()));
        workspaces.clear();
    }

    /** Stops and deletes every workspace made here with one token, an admin's, whoever made them. */
    void removeWorkspacesAs(String token) {
        workspaces.forEach(made -> api.removeWorkspace(made.id(), token));
        workspaces.clear();
    }

    private String admin() {
        if (adminToken == null) {
            adminToken = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        }
        return adminToken;
    }
}
