package io.kalpana.credentials;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.RepoUrl;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitCredentialValuesTest {

    private static final String TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

    @Test
    void hostsAreLowerCasedWithOptionalPort() {
        assertEquals("git.example.com", GitHost.of("  Git.Example.COM ").value());
        assertEquals("git.example.com:8443", GitHost.of("git.example.com:8443").value());
        assertEquals("host.docker.internal:40123", GitHost.of("host.docker.internal:40123").value());
        assertEquals("gitlab", GitHost.of("gitlab").value());
        assertEquals("10.0.0.7", GitHost.of("10.0.0.7").value());
    }

    @Test
    void badHostsAreRefused() {
        String[] bad = {null, "", "   ", "a".repeat(254), "https://git.example.com", "git.example.com/team/app",
                "user@git.example.com", "git example.com", "git.exa\nmple.com", "git\u0000.com", "-oProxyCommand=x",
                "--upload-pack", "gït.example.com", "git.example.com\u202e", "git..example.com", ".example.com",
                "example.com.", "example.com:", "example.com:0", "example.com:65536", "example.com:80a",
                "example.com:-1", "[::1]", "host:22:33", "exa$mple.com", "example-.com"};
        for (String host : bad) {
            KalpanaException refused = assertThrows(KalpanaException.class, () -> GitHost.of(host), String.valueOf(host));
            assertEquals("invalid_git_host", refused.code());
            assertFalse(refused.getMessage().contains("\n"), "the message stays one line: " + refused.getMessage());
        }
        assertThrows(KalpanaException.class, () -> new GitHost("git.example.com\n"), "only typed input is stripped");
        assertThrows(KalpanaException.class, () -> new GitHost("Git.example.com"), "only typed input is lower-cased");
    }

    @Test
    void theHostOfAnHttpsRepositoryIsWhatGitAsksAbout() {
        assertEquals(Optional.of(GitHost.of("git.example.com")),
                GitHost.ofRepository(new RepoUrl("https://git.example.com/team/app.git")));
        assertEquals(Optional.of(GitHost.of("git.example.com:8443")),
                GitHost.ofRepository(new RepoUrl("https://someone@Git.Example.com:8443/team/app.git")));
        assertEquals(Optional.of(GitHost.of("git.example.com")), GitHost.ofRepository(new RepoUrl("https://git.example.com")));
        assertEquals(Optional.empty(), GitHost.ofRepository(new RepoUrl("ssh://git@git.example.com/team/app.git")));
        assertEquals(Optional.empty(), GitHost.ofRepository(new RepoUrl("git@git.example.com:team/app.git")));
        assertEquals(Optional.empty(), GitHost.ofRepository(new RepoUrl("git://git.example.com/app.git")));
        assertEquals(Optional.empty(), GitHost.ofRepository(new RepoUrl("https://[::1]/app.git")));
    }

    @Test
    void masksShowAtMostTheLastFourCharacters() {
        assertEquals("ghp_\u20266789", new GitToken(TOKEN).masked());
        assertEquals("glpat-\u2026wxyz", new GitToken("glpat-abcdefghijklmnopqrstuvwxyz").masked());
        assertEquals("\u2026WXYZ", new GitToken("secretsecretsecretWXYZ").masked());
        assertEquals("\u2026", new GitToken("12345678901").masked(), "shorter than 12: nothing of it");
        assertEquals("\u2026", new GitToken("ghp_1234567").masked());
        assertEquals("\u20269012", new GitToken("123456789012").masked());
    }

    @Test
    void printingNeverShowsTheToken() {
        GitToken token = new GitToken(TOKEN);
        GitCredential credential = GitCredential.of("git.example.com", "alice", TOKEN);
        for (String printed : new String[]{token.toString(), credential.toString(),
                credential.masked(java.time.Instant.EPOCH).toString()}) {
            assertFalse(printed.contains(TOKEN), printed);
            assertFalse(printed.contains(TOKEN.substring(4, 30)), printed);
        }
        assertTrue(credential.toString().contains("git.example.com"));
    }

    @Test
    void badTokensAndUsernamesAreRefused() {
        for (String token : new String[]{null, "", "abc\ndef", "abc\rhost=evil", "tab\there", " padded", "padded ",
                "x".repeat(4097)}) {
            assertEquals("invalid_git_token", assertThrows(KalpanaException.class, () -> new GitToken(token)).code(),
                    String.valueOf(token));
        }
        for (String username : new String[]{null, "", "  ", "alice\npassword=evil", "a".repeat(257)}) {
            KalpanaException refused = assertThrows(KalpanaException.class,
                    () -> GitCredential.of("git.example.com", username, TOKEN), String.valueOf(username));
            assertEquals("invalid_git_username", refused.code());
        }
        assertEquals("alice", GitCredential.of("git.example.com", " alice ", TOKEN).username());
    }
}
