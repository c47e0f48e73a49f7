package io.kalpana.web.it;

import io.kalpana.runtime.DockerTestSupport;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.kalpana.runtime.DockerTestSupport.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images as admins manage them through the API: built-in ones per template, registered ones for teams, a workspace
 * keeping its image, an admin moving a stopped one to another image with its files, and what is refused and why.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkspaceImagesOnDockerIT {

    private static final String PASSWORD = "images-test-password";
    private static final String BLANK = DockerTestSupport.settings().image();
    private static final String TAG = BLANK.substring(BLANK.lastIndexOf(':'));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar();
    }

    @ArquillianResource
    URL reported;

    private Api api;
    private ApiFixture fixture;
    private String admin;
    private String teamImage;

    @BeforeEach
    void connect() {
        api = new Api(KalpanaDeployment.onLoopback(reported));
        fixture = new ApiFixture(api, PASSWORD);
        admin = api.token("admin", KalpanaDeployment.ADMIN_PASSWORD);
        teamImage = ApiFixture.unique("team-node-");
    }

    @AfterEach
    void cleanUp() {
        fixture.removeWorkspaces();
        api.send("DELETE", "/api/v1/admin/images/" + teamImage, admin, null);
        api.send("DELETE", "/api/v1/admin/images/" + teamImage + "-secret", admin, null);
    }

    @Test
    void eachTemplateHasItsBuiltInImageAndAdminsRegisterOthersWithCheckedInput() {
        Map<String, JsonObject> images = byName(api.get("/api/v1/admin/images", admin));
        assertEquals(BLANK, images.get("blank").getString("reference"));
        for (String template : List.of("java-maven", "node", "python")) {
            JsonObject image = images.get(template);
            assertEquals("kalpana-workspace-" + template + TAG, image.getString("reference"));
            assertTrue(image.getBoolean("builtIn"));
            assertEquals(List.of(template), strings(image.getJsonArray("templates")));
        }

        Api.Reply registered = register(teamImage, "kalpana-workspace-node" + TAG, List.of(), List.of());
        assertEquals(201, registered.status(), registered.body());
        assertTrue(registered.raw().headers().firstValue("Location").orElseThrow().endsWith("/api/v1/admin/images/" + teamImage));
        assertEquals(0, registered.json().getInt("workspaces"));
        assertEquals(200, api.get("/api/v1/admin/images/" + teamImage, admin).status());

        assertProblem(409, "image_exists", register(teamImage, "other:1", List.of(), List.of()));
        assertProblem(409, "image_exists", register("python", "other:1", List.of(), List.of()));
        assertProblem(400, "invalid_image_name", register("Team Node", "other:1", List.of(), List.of()));
        assertProblem(400, "invalid_image_reference", register(teamImage + "x", "not a reference", List.of(), List.of()));
        assertProblem(400, "unknown_template", register(teamImage + "x", "other:1", List.of("cobol"), List.of()));
        assertProblem(400, "missing_body", api.post("/api/v1/admin/images", admin, null));
        assertProblem(400, "image_name_mismatch", api.send("PUT", "/api/v1/admin/images/" + teamImage, admin,
                body("another", "other:1", List.of(), List.of())));
        assertProblem(409, "image_built_in", api.send("PUT", "/api/v1/admin/images/python", admin,
                body("python", "other:1", List.of(), List.of())));
        assertProblem(409, "image_built_in", api.send("DELETE", "/api/v1/admin/images/node", admin, null));
        assertProblem(404, "image_not_found", api.get("/api/v1/admin/images/ghost", admin));
        assertProblem(404, "image_not_found", api.send("DELETE", "/api/v1/admin/images/ghost", admin, null));

        String person = fixture.personsToken("imgs");
        assertEquals(403, api.post("/api/v1/admin/images", person, body("mine", "other:1", List.of(), List.of())).status());
        assertEquals(403, api.get("/api/v1/admin/images", person).status());

        Api.Reply changed = api.send("PUT", "/api/v1/admin/images/" + teamImage, admin,
                body(null, "kalpana-workspace-python" + TAG, List.of("python"), List.of()));
        assertEquals(200, changed.status(), changed.body());
        assertEquals("kalpana-workspace-python" + TAG, changed.json().getString("reference"));
        assertEquals(204, api.send("DELETE", "/api/v1/admin/images/" + teamImage, admin, null).status());
        assertProblem(404, "image_not_found", api.get("/api/v1/admin/images/" + teamImage, admin));
    }

    @Test
    void peoplePickAmongTheImagesOfferedToThemAndTheRestIsRefused() {
        assertEquals(201, register(teamImage, "kalpana-workspace-node" + TAG, List.of("python"), List.of()).status());
        assertEquals(201, register(teamImage + "-secret", "kalpana-workspace-node" + TAG, List.of(),
                List.of("team-a")).status());
        String person = fixture.personsToken("pick");

        List<String> offered = api.get("/api/v1/images?template=python", person).jsonValue().asJsonArray().stream()
                .map(value -> value.asJsonObject().getString("name")).toList();
        assertEquals(List.of("python", teamImage), offered, "the template's own first; not another group's");
        assertFalse(api.get("/api/v1/images?template=node", person).body().contains(teamImage));
        assertProblem(400, "unknown_template", api.get("/api/v1/images?template=cobol", person));

        Api.Reply made = create(person, "picked", "python", teamImage);
        assertEquals(201, made.status(), made.body());
        fixture.removeAfterwards(made.json().getString("id"), person);
        assertEquals(teamImage, made.json().getString("image"));
        Api.Reply plain = create(person, "plain", "python", null);
        fixture.removeAfterwards(plain.json().getString("id"), person);
        assertEquals("python", plain.json().getString("image"), "no image asked: the template's");

        assertProblem(403, "image_not_allowed", create(person, "secret", "python", teamImage + "-secret"));
        assertProblem(400, "image_not_for_template", create(person, "other", "node", teamImage));
        assertProblem(400, "image_not_for_template", create(person, "other", "python", "node"));
        assertProblem(400, "unknown_image", create(person, "ghost", "python", "ghost"));
        assertProblem(400, "invalid_image_name", create(person, "bad", "python", "Bad Name"));
        assertEquals(2, api.get("/api/v1/workspaces", person).jsonValue().asJsonArray().size(),
                "nothing refused was created");
    }

    @Test
    void anAdminMovesAStoppedWorkspaceToAnotherImageAndItsFilesStay() throws Exception {
        assertEquals(201, register(teamImage, "kalpana-workspace-node" + TAG, List.of(), List.of()).status());
        String person = fixture.personsToken("move");
        String id = fixture.runningWorkspace(person, "moving", "python");
        String container = "kalpana-ws-" + id;
        assertEquals("kalpana-workspace-python" + TAG, docker("inspect", "-f", "{{.Config.Image}}", container).strip());
        docker("exec", "-u", "1000", container, "sh", "-c", "echo kept > /workspace/note.txt");

        assertProblem(409, "workspace_not_stopped", move(id, teamImage));
        assertEquals(200, api.post("/api/v1/workspaces/" + id + "/stop", person, null).status());
        assertProblem(400, "unknown_image", move(id, "ghost"));
        assertProblem(400, "missing_body", api.send("PUT", "/api/v1/admin/workspaces/" + id + "/image", admin, "{}"));
        assertProblem(404, "workspace_not_found", move("nosuchworksp", teamImage));
        assertEquals(403, api.send("PUT", "/api/v1/admin/workspaces/" + id + "/image", person,
                Json.createObjectBuilder().add("image", teamImage).build().toString()).status());

        Api.Reply moved = move(id, teamImage);
        assertEquals(200, moved.status(), moved.body());
        assertEquals(teamImage, moved.json().getString("image"));
        JsonObject inUse = byName(api.get("/api/v1/admin/images", admin)).get(teamImage);
        assertEquals(1, inUse.getInt("workspaces"));
        Api.Reply refused = api.send("DELETE", "/api/v1/admin/images/" + teamImage, admin, null);
        assertProblem(409, "image_in_use", refused);
        assertTrue(refused.json().getString("message").contains("used by 1 workspace"), refused.body());

        Api.Reply started = api.post("/api/v1/workspaces/" + id + "/start", person, null);
        assertEquals(200, started.status(), started.body());
        assertEquals("kalpana-workspace-node" + TAG, docker("inspect", "-f", "{{.Config.Image}}", container).strip());
        assertEquals("kept", docker("exec", container, "cat", "/workspace/note.txt").strip(), "the volume stayed");
        assertTrue(docker("exec", container, "g++", "--version").contains("g++"), "it runs the node image now");
    }

    private Api.Reply register(String name, String reference, List<String> templates, List<String> groups) {
        return api.post("/api/v1/admin/images", admin, body(name, reference, templates, groups));
    }

    private Api.Reply move(String id, String image) {
        return api.send("PUT", "/api/v1/admin/workspaces/" + id + "/image", admin,
                Json.createObjectBuilder().add("image", image).build().toString());
    }

    private Api.Reply create(String token, String name, String template, String image) {
        var request = Json.createObjectBuilder().add("name", name).add("template", template);
        if (image != null) {
            request.add("image", image);
        }
        return api.post("/api/v1/workspaces", token, request.build().toString());
    }

    private static String body(String name, String reference, List<String> templates, List<String> groups) {
        var request = Json.createObjectBuilder().add("reference", reference).add("description", "for tests")
                .add("templates", Json.createArrayBuilder(templates)).add("groups", Json.createArrayBuilder(groups));
        if (name != null) {
            request.add("name", name);
        }
        return request.build().toString();
    }

    private static Map<String, JsonObject> byName(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.jsonValue().asJsonArray().stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(image -> image.getString("name"), image -> image));
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static void assertProblem(int status, String error, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(error, reply.error(), reply.body());
    }
}
