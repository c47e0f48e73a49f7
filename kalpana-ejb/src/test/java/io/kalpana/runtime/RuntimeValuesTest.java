package io.kalpana.runtime;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceTemplate;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small values the Docker runtime is configured and fed with. Needs no Docker. */
class RuntimeValuesTest {

    @Test
    void memoryLimitsReadDockerNotation() {
        assertEquals(2L * 1024 * 1024 * 1024, MemoryLimit.parse("2g").bytes());
        assertEquals(512L * 1024 * 1024, MemoryLimit.parse("512M").bytes());
        assertEquals("invalid_memory_limit", assertThrows(KalpanaException.class, () -> MemoryLimit.parse("2 gigs")).code());
        assertEquals("invalid_memory_limit", assertThrows(KalpanaException.class, () -> MemoryLimit.parse("1k")).code());
    }

    @Test
    void cpuLimitsAcceptFractions() {
        assertEquals(2_000_000_000L, CpuLimit.parse("2").nanoCpus());
        assertEquals(1_500_000_000L, CpuLimit.parse(" 1.5 ").nanoCpus());
        assertEquals("invalid_cpu_limit", assertThrows(KalpanaException.class, () -> CpuLimit.parse("two")).code());
        assertEquals("invalid_cpu_limit", assertThrows(KalpanaException.class, () -> CpuLimit.parse("0")).code());
    }

    @Test
    void secretsAreRandom32BytesAndNeverPrinted() {
        WorkspaceSecrets one = WorkspaceSecrets.generate();
        WorkspaceSecrets two = WorkspaceSecrets.generate();
        assertEquals(32, Base64.getUrlDecoder().decode(one.idePassword().value()).length);
        assertEquals(32, Base64.getUrlDecoder().decode(one.bridgeToken().value()).length);
        assertNotEquals(one.idePassword(), two.idePassword());
        assertFalse(one.toString().contains(one.idePassword().value()));
        assertFalse(one.toString().contains(one.bridgeToken().value()));
    }

    @Test
    void everyTemplateHasStarterFilesAndRecommendedExtensions() {
        for (WorkspaceTemplate template : WorkspaceTemplate.values()) {
            List<String> paths = TemplateFiles.of(template).stream().map(WorkspaceFile::path).toList();
            assertTrue(paths.contains(".vscode/extensions.json"), template + ": " + paths);
            assertTrue(paths.size() >= 2, template + ": " + paths);
        }
        assertTrue(TemplateFiles.of(WorkspaceTemplate.JAVA_MAVEN).stream().map(WorkspaceFile::path).toList()
                .containsAll(List.of("pom.xml", ".gitignore", "src/main/java/app/App.java")));
    }

    @Test
    void workspaceFilesStayInsideTheWorkspace() {
        assertThrows(IllegalArgumentException.class, () -> WorkspaceFile.text("/etc/passwd", "x"));
        assertThrows(IllegalArgumentException.class, () -> WorkspaceFile.text("a/../../etc/passwd", "x"));
        assertEquals("shell.nix", WorkspaceFile.text("shell.nix", "{ }").path());
    }

    @Test
    void cloneErrorsLoseTheirCredentials() {
        assertEquals("fatal: unable to access 'https://***@host/repo.git/'",
                WorkspaceProvisioner.redact("fatal: unable to access 'https://user:token@host/repo.git/'"));
    }
}
