package io.kalpana.image;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.kalpana.audit.AuditLog;
import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceTemplate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The image catalog over a real MongoDB wire protocol (the embedded stand-in), as Kalpana runs it. */
class ImageCatalogTest {

    private static final Caller ADMIN = new Caller(new Username("root"), Set.of(Role.ADMIN, Role.USER));
    private static final Caller ALICE = new Caller(new Username("alice"), Set.of(Role.USER));
    private static final Caller BOB = new Caller(new Username("bob"), Set.of(Role.USER));

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort()
            + "/?retryWrites=false");
    private final List<String> audited = new ArrayList<>();
    private final ImageCatalog catalog = new ImageCatalog(this::database,
            new TemplateImages(new ImageReference("kalpana-workspace:0.1.0")),
            username -> username.value().equals("alice") ? Set.of("team-a") : Set.of(),
            new AuditLog() {
                @Override
                public void record(Username actor, String action, String target, String detail) {
                    audited.add(actor + " " + action + " " + target);
                }
            }, Clock.systemUTC());

    private MongoDatabase database() {
        return client.getDatabase("kalpana");
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void builtInImagesFollowTheConfiguredOneAndCannotBeChanged() {
        List<String> names = catalog.all().stream().map(image -> image.name().value()).toList();
        assertEquals(List.of("blank", "java-maven", "node", "python"), names);
        assertEquals("kalpana-workspace-python:0.1.0", catalog.get(new ImageName("python")).reference().value());
        assertEquals("image_built_in", assertThrows(KalpanaException.class, () -> catalog.update(ADMIN,
                new ImageName("python"), draft("x:1", List.of(), List.of()))).code());
        assertEquals("image_built_in", assertThrows(KalpanaException.class,
                () -> catalog.delete(ADMIN, new ImageName("blank"))).code());
        assertEquals("image_exists", assertThrows(KalpanaException.class, () -> catalog.register(ADMIN,
                new ImageName("node"), draft("x:1", List.of(), List.of()))).code());
    }

    @Test
    void registerUpdateAndDeleteAreForAdminsAndAudited() {
        WorkspaceImage registered = catalog.register(ADMIN, new ImageName("team-java"),
                draft("registry.corp/team/java:17", List.of("java-maven"), List.of("team-a")));
        assertEquals("registry.corp/team/java:17", registered.reference().value());
        assertEquals("image_exists", assertThrows(KalpanaException.class, () -> catalog.register(ADMIN,
                new ImageName("team-java"), draft("other:1", List.of(), List.of()))).code());
        assertEquals("admin_only", assertThrows(KalpanaException.class, () -> catalog.register(ALICE,
                new ImageName("mine"), draft("other:1", List.of(), List.of()))).code());

        WorkspaceImage changed = catalog.update(ADMIN, new ImageName("team-java"),
                draft("registry.corp/team/java:21", List.of(), List.of()));
        assertEquals("registry.corp/team/java:21", changed.reference().value());
        assertTrue(changed.templates().isEmpty() && changed.groups().isEmpty());
        assertEquals("image_not_found", assertThrows(KalpanaException.class, () -> catalog.update(ADMIN,
                new ImageName("nope"), draft("x:1", List.of(), List.of()))).code());

        catalog.delete(ADMIN, new ImageName("team-java"));
        assertEquals(Optional.empty(), catalog.find(new ImageName("team-java")));
        assertEquals("image_not_found", assertThrows(KalpanaException.class,
                () -> catalog.delete(ADMIN, new ImageName("team-java"))).code());
        assertEquals(List.of("root image.register image:team-java", "root image.update image:team-java",
                "root image.delete image:team-java"), audited);
    }

    @Test
    void anImageInUseIsNotDeletedAndTheRefusalCountsItsWorkspaces() {
        catalog.register(ADMIN, new ImageName("team-java"), draft("team/java:17", List.of(), List.of()));
        workspace("w1", "java-maven", "team-java");
        workspace("w2", "blank", "team-java");
        workspace("w3", "python", null);

        KalpanaException refused = assertThrows(KalpanaException.class,
                () -> catalog.delete(ADMIN, new ImageName("team-java")));
        assertEquals("image_in_use", refused.code());
        assertTrue(refused.getMessage().contains("used by 2 workspaces"), refused.getMessage());
        assertTrue(catalog.find(new ImageName("team-java")).isPresent(), "nothing is lost");

        Map<String, Long> counts = new java.util.HashMap<>();
        catalog.usage().forEach(usage -> counts.put(usage.image().name().value(), usage.workspaces()));
        assertEquals(Map.of("blank", 0L, "java-maven", 0L, "node", 0L, "python", 1L, "team-java", 2L), counts,
                "a workspace made before images were known counts for its template's image");
    }

    @Test
    void peopleAreOfferedTheImagesOfTheirGroupsForTheTemplate() {
        catalog.register(ADMIN, new ImageName("team-java"), draft("team/java:17", List.of("java-maven"),
                List.of("team-a")));
        catalog.register(ADMIN, new ImageName("any"), draft("corp/dev:1", List.of(), List.of()));

        assertEquals(List.of("java-maven", "any", "team-java"), names(catalog.offeredTo(ALICE, WorkspaceTemplate.JAVA_MAVEN)));
        assertEquals(List.of("java-maven", "any"), names(catalog.offeredTo(BOB, WorkspaceTemplate.JAVA_MAVEN)));
        assertEquals(List.of("python", "any"), names(catalog.offeredTo(ALICE, WorkspaceTemplate.PYTHON)));
        assertEquals(List.of("java-maven", "any", "team-java"), names(catalog.offeredTo(ADMIN, WorkspaceTemplate.JAVA_MAVEN)));

        assertEquals("java-maven", catalog.choose(BOB, WorkspaceTemplate.JAVA_MAVEN, Optional.empty()).name().value());
        assertEquals("team-java", catalog.choose(ALICE, WorkspaceTemplate.JAVA_MAVEN,
                Optional.of(new ImageName("team-java"))).name().value());
        assertEquals("image_not_allowed", assertThrows(KalpanaException.class, () -> catalog.choose(BOB,
                WorkspaceTemplate.JAVA_MAVEN, Optional.of(new ImageName("team-java")))).code());
        assertEquals("image_not_for_template", assertThrows(KalpanaException.class, () -> catalog.choose(ALICE,
                WorkspaceTemplate.PYTHON, Optional.of(new ImageName("team-java")))).code());
        assertEquals("image_not_for_template", assertThrows(KalpanaException.class, () -> catalog.choose(ALICE,
                WorkspaceTemplate.PYTHON, Optional.of(new ImageName("node")))).code());
        assertEquals("unknown_image", assertThrows(KalpanaException.class, () -> catalog.choose(ALICE,
                WorkspaceTemplate.PYTHON, Optional.of(new ImageName("ghost")))).code());
    }

    private void workspace(String id, String template, String image) {
        Document document = new Document("_id", id).append("template", template);
        if (image != null) {
            document.append("image", image);
        }
        database().getCollection(Workspace.COLLECTION).insertOne(document);
    }

    private static ImageDraft draft(String reference, List<String> templates, List<String> groups) {
        return ImageDraft.of(reference, "", templates, groups);
    }

    private static List<String> names(List<WorkspaceImage> images) {
        return images.stream().map(image -> image.name().value()).toList();
    }
}
