package io.kalpana.workspace;

import io.kalpana.port.HostPort;
import io.kalpana.port.PortRange;
import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceInputTest {

    @Test
    void namesAreFreeTextButBounded() {
        assertEquals("<img src=x onerror=alert(1)>", new WorkspaceName(" <img src=x onerror=alert(1)> ").value());
        assertEquals("Ünïcödé 项目", new WorkspaceName("Ünïcödé 项目").value());
        assertEquals(new WorkspaceName("My App").key(), new WorkspaceName("my app").key());
        assertInvalid(() -> new WorkspaceName(null));
        assertInvalid(() -> new WorkspaceName("   "));
        assertInvalid(() -> new WorkspaceName("x".repeat(65)));
        assertInvalid(() -> new WorkspaceName("bad\nname"));
        assertInvalid(() -> new WorkspaceName("bad\u0000name"));
        assertInvalid(() -> new WorkspaceName("invisible\u200Bjoin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://git.example.com/team/app.git", "ssh://git@git.example.com/team/app.git",
            "git://git.example.com/app", "file:///srv/git/app.git", "git@git.example.com:team/app.git"})
    void acceptedRepositoryUrls(String url) {
        assertEquals(url, new RepoUrl(url).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--upload-pack=touch /tmp/x", "-c core.sshCommand=x", "http://plain.example.com/app.git",
            "ftp://x/y", "ext::sh -c touch% /tmp/pwned", "/etc/passwd", "https://x/a b", "https://x/\u0007"})
    void refusedRepositoryUrls(String url) {
        KalpanaException e = assertThrows(KalpanaException.class, () -> new RepoUrl(url));
        assertEquals("invalid_repo_url", e.code());
    }

    @Test
    void blankOptionalFieldsMeanNothing() {
        assertNull(RepoUrl.orNull("  "));
        assertNull(NixConfig.orNull(""));
    }

    @Test
    void nixConfigIsBounded() {
        assertInvalid(() -> new NixConfig("x".repeat(NixConfig.MAX_BYTES + 1)));
        assertInvalid(() -> new NixConfig("a\u0000b"));
    }

    @Test
    void templatesByIdWithAClearErrorOtherwise() {
        assertEquals(WorkspaceTemplate.BLANK, WorkspaceTemplate.fromId(null));
        assertEquals(WorkspaceTemplate.JAVA_MAVEN, WorkspaceTemplate.fromId(" Java-Maven "));
        KalpanaException e = assertThrows(KalpanaException.class, () -> WorkspaceTemplate.fromId("cobol"));
        assertTrue(e.getMessage().contains("blank, java-maven, node, python"), e.getMessage());
    }

    @Test
    void workspaceIdsAreRandomAndStrict() {
        WorkspaceId id = WorkspaceId.generate();
        assertEquals(id, new WorkspaceId(id.value()));
        KalpanaException e = assertThrows(KalpanaException.class, () -> new WorkspaceId("../../etc"));
        assertEquals(ProblemKind.NOT_FOUND, e.kind());
    }

    @Test
    void portRangesParseAndRefuseNonsense() {
        PortRange range = PortRange.parse("40000-49999");
        assertEquals(10000, range.size());
        assertEquals(range.first(), range.next(range.last()));
        assertEquals(new HostPort(40001), range.next(new HostPort(40000)));
        for (String bad : new String[] {null, "", "40000", "a-b", "50000-40000", "0-10", "1-70000", "-1-5"}) {
            assertInvalid(() -> PortRange.parse(bad));
        }
    }

    private static void assertInvalid(org.junit.jupiter.api.function.Executable executable) {
        KalpanaException e = assertThrows(KalpanaException.class, executable);
        assertEquals(ProblemKind.INVALID_INPUT, e.kind());
    }
}
