package io.kalpana.image;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceTemplate;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every part of an image an admin types is checked, with a message naming what is wrong. */
class ImageInputTest {

    @Test
    void referencesOfEveryShapeDockerAcceptsAreTaken() {
        for (String good : List.of("kalpana-workspace:0.1.0", "ubuntu", "registry.example.com:5000/team/java:17",
                "ghcr.io/acme/dev_env:v1.2-rc.1", "localhost/x@sha256:" + "a".repeat(64), "a/b/c:latest")) {
            assertEquals(good, new ImageReference(good).value());
        }
        assertEquals("team/java", new ImageReference("team/java:17").repository());
        assertEquals("registry:5000/team/java", new ImageReference("registry:5000/team/java").repository());
        assertTrue(new ImageReference("registry:5000/team/java").tag().isEmpty(), "a registry port is not a tag");
        assertEquals("17", new ImageReference("registry:5000/team/java:17@sha256:" + "b".repeat(64)).tag().orElseThrow());
    }

    @Test
    void badReferencesAreRefusedWithTheirCode() {
        for (String bad : Arrays.asList(null, "", "  ", "Upper/Case", "java:", "with space:1", "-lead", "a//b",
                "java:" + "t".repeat(129), "x@sha256:short", "x".repeat(256), "a:b:c", "a;rm -rf /", "a\nb")) {
            KalpanaException problem = assertThrows(KalpanaException.class, () -> new ImageReference(bad), String.valueOf(bad));
            assertEquals("invalid_image_reference", problem.code());
        }
    }

    @Test
    void badNamesAreRefusedWithTheirCode() {
        assertEquals("team-a.java_17", new ImageName(" team-a.java_17 ").value());
        for (String bad : Arrays.asList(null, "", "Team", "-x", ".x", "a/b", "a b", "x".repeat(64), "é", "a\u0000")) {
            KalpanaException problem = assertThrows(KalpanaException.class, () -> new ImageName(bad), String.valueOf(bad));
            assertEquals("invalid_image_name", problem.code());
        }
    }

    @Test
    void draftsCheckTemplatesGroupsAndDescription() {
        ImageDraft draft = ImageDraft.of("team/java:17", "  JDK 17 with our CA  ", List.of("java-maven", "JAVA-MAVEN"),
                List.of(" team-a ", "team-b"));
        assertEquals("JDK 17 with our CA", draft.description());
        assertEquals(java.util.Set.of(WorkspaceTemplate.JAVA_MAVEN), draft.templates());
        assertEquals(java.util.Set.of("team-a", "team-b"), draft.groups());
        assertTrue(ImageDraft.of("team/java:17", null, null, null).templates().isEmpty());

        assertEquals("unknown_template", assertThrows(KalpanaException.class,
                () -> ImageDraft.of("x", "", List.of("cobol"), List.of())).code());
        assertEquals("unknown_template", assertThrows(KalpanaException.class,
                () -> ImageDraft.of("x", "", Arrays.asList((String) null), List.of())).code());
        assertEquals("invalid_image_groups", assertThrows(KalpanaException.class,
                () -> ImageDraft.of("x", "", List.of(), Arrays.asList("ok", null))).code());
        assertEquals("invalid_image_groups", assertThrows(KalpanaException.class,
                () -> ImageDraft.of("x", "", List.of(), List.of("a,b"))).code());
        assertEquals("invalid_image_groups", assertThrows(KalpanaException.class,
                () -> ImageDraft.of("x", "", List.of(), java.util.stream.IntStream.range(0, 51).mapToObj(i -> "g" + i)
                        .toList())).code());
        assertEquals("invalid_image_description", assertThrows(KalpanaException.class,
                () -> ImageDraft.of("x", "d".repeat(501), List.of(), List.of())).code());
        assertEquals("invalid_image_description", assertThrows(KalpanaException.class,
                () -> ImageDraft.of("x", "bell\u0007", List.of(), List.of())).code());
        assertEquals("invalid_image_reference", assertThrows(KalpanaException.class,
                () -> ImageDraft.of(null, "", List.of(), List.of())).code());
    }

    @Test
    void templateImagesAreNamedBesideTheConfiguredBlankOne() {
        TemplateImages images = new TemplateImages(new ImageReference("registry.corp:5000/kalpana/kalpana-workspace:0.3.0"));
        assertEquals("registry.corp:5000/kalpana/kalpana-workspace:0.3.0",
                images.forTemplate(WorkspaceTemplate.BLANK).value());
        assertEquals("registry.corp:5000/kalpana/kalpana-workspace-java-maven:0.3.0",
                images.forTemplate(WorkspaceTemplate.JAVA_MAVEN).value());
        assertEquals("kalpana-workspace-python", new TemplateImages(new ImageReference("kalpana-workspace"))
                .forTemplate(WorkspaceTemplate.PYTHON).value());
        String pinned = "kalpana-workspace:0.1.0@sha256:" + "c".repeat(64);
        TemplateImages byDigest = new TemplateImages(new ImageReference(pinned));
        assertEquals(pinned, byDigest.forTemplate(WorkspaceTemplate.BLANK).value());
        assertEquals("kalpana-workspace-node:0.1.0", byDigest.forTemplate(WorkspaceTemplate.NODE).value());
        assertFalse(byDigest.forTemplate(WorkspaceTemplate.NODE).pinnedByDigest());
    }
}
