package io.kalpana.runtime;

import io.kalpana.credentials.GitCredential;
import io.kalpana.credentials.GitCredentialLookup;
import io.kalpana.identity.Username;
import io.kalpana.workspace.NixConfig;
import io.kalpana.workspace.RepoUrl;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceTemplate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the first clone hands the owner's credential to git: through the exec's environment, never its arguments. */
class WorkspaceProvisionerTest {

    private static final WorkspaceId ID = WorkspaceId.generate();
    private static final Username ALICE = new Username("alice");
    private static final String TOKEN = "ghp_provisionerTestToken0123456789";
    private static final GitCredential CREDENTIAL = GitCredential.of("git.example.com", "alice-git", TOKEN);

    private record Exec(List<String> command, Map<String, String> environment) {
    }

    private final List<Exec> execs = new ArrayList<>();
    private ExecResult answer = new ExecResult(0, "");

    private WorkspaceRuntime runtime() {
        return (WorkspaceRuntime) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{WorkspaceRuntime.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("exec") && args.length == 4) {
                        @SuppressWarnings("unchecked")
                        List<String> command = (List<String>) args[1];
                        @SuppressWarnings("unchecked")
                        Map<String, String> environment = (Map<String, String>) args[3];
                        execs.add(new Exec(command, environment));
                        return answer;
                    }
                    return null;
                });
    }

    private WorkspaceProvisioner provisioner(GitCredentialLookup lookup) {
        return new WorkspaceProvisioner(runtime(), Duration.ofSeconds(30), lookup);
    }

    @Test
    void theOwnersCredentialGoesIntoTheEnvironmentOnly() {
        provisioner((owner, host) -> owner.equals(ALICE) && host.equals(CREDENTIAL.host()) ? Optional.of(CREDENTIAL)
                : Optional.empty()).provision(ID, ALICE,
                Optional.of(new RepoUrl("https://git.example.com/team/app.git")), Optional.empty());
        Exec clone = execs.get(0);
        assertFalse(String.join(" ", clone.command()).contains(TOKEN), "the token is in no argument");
        assertTrue(clone.command().contains(WorkspaceProvisioner.CREDENTIAL_HELPER));
        assertEquals(Map.of("KALPANA_GIT_HOST", "git.example.com", "KALPANA_GIT_USER", "alice-git",
                "KALPANA_GIT_TOKEN", TOKEN), clone.environment());
    }

    @Test
    void noCredentialForSshOrOtherHostsOrOtherPeople() {
        GitCredentialLookup alicesOnly = (owner, host) -> owner.equals(ALICE) && host.equals(CREDENTIAL.host())
                ? Optional.of(CREDENTIAL) : Optional.empty();
        WorkspaceProvisioner provisioner = provisioner(alicesOnly);
        provisioner.provision(ID, ALICE,
                Optional.of(new RepoUrl("ssh://git@git.example.com/team/app.git")), Optional.empty());
        provisioner.provision(ID, ALICE,
                Optional.of(new RepoUrl("https://other.example.com/team/app.git")), Optional.empty());
        provisioner.provision(ID, new Username("bob"),
                Optional.of(new RepoUrl("https://git.example.com/team/app.git")), Optional.empty());
        assertEquals(3, execs.size());
        for (Exec exec : execs) {
            assertEquals(Map.of(), exec.environment());
            assertFalse(exec.command().contains(WorkspaceProvisioner.CREDENTIAL_HELPER));
        }
    }

    @Test
    void aFailedCloneNeverRepeatsTheTokenAndSaysWhatToDo() {
        answer = new ExecResult(128, "fatal: Authentication failed for 'https://git.example.com/x.git' " + TOKEN + "\n");
        String problem = provisioner((owner, host) -> Optional.of(CREDENTIAL)).provision(ID, ALICE,
                Optional.of(new RepoUrl("https://git.example.com/x.git")), Optional.empty()).problem().orElseThrow();
        assertFalse(problem.contains(TOKEN), problem);
        assertTrue(problem.contains("refused your Git credential for git.example.com"), problem);

        answer = new ExecResult(128, "fatal: could not read Username for 'https://git.example.com': terminal prompts disabled\n");
        String without = provisioner(GitCredentialLookup.NONE).provision(ID, ALICE,
                Optional.of(new RepoUrl("https://git.example.com/x.git")), Optional.empty()).problem().orElseThrow();
        assertTrue(without.contains("add a Git credential for git.example.com"), without);
    }

    @Test
    void anUnreadableCredentialIsReportedAndNothingIsCloned() {
        String problem = provisioner((owner, host) -> {
            throw io.kalpana.problem.KalpanaException.conflict("git_credential_unreadable", "cannot be decrypted");
        }).provision(ID, ALICE, Optional.of(new RepoUrl("https://git.example.com/x.git")),
                Optional.empty()).problem().orElseThrow();
        assertTrue(problem.contains("cannot be decrypted"), problem);
        assertEquals(List.of(), execs);
    }

    @Test
    void theFirstFilesAreTheTemplatesWithThePersonsShellNixInPlaceOfAnyOtherUnlessARepositoryComes() {
        WorkspaceProvisioner provisioner = provisioner(GitCredentialLookup.NONE);
        NixConfig nix = new NixConfig("{ pkgs ? import <nixpkgs> {} }: pkgs.mkShell {}\n");
        List<WorkspaceFile> template = provisioner.firstFiles(WorkspaceTemplate.PYTHON, Optional.empty(), Optional.empty());
        assertTrue(paths(template).containsAll(List.of("README.md", "main.py", ".gitignore", ".vscode/extensions.json")),
                paths(template).toString());

        List<WorkspaceFile> withNix = provisioner.firstFiles(WorkspaceTemplate.PYTHON, Optional.empty(), Optional.of(nix));
        assertEquals(1, paths(withNix).stream().filter("shell.nix"::equals).count(), paths(withNix).toString());
        assertEquals(nix.text(), new String(withNix.get(withNix.size() - 1).content(), StandardCharsets.UTF_8));
        assertEquals(template.size() + 1, withNix.size());

        List<WorkspaceFile> withRepo = provisioner.firstFiles(WorkspaceTemplate.PYTHON,
                Optional.of(new RepoUrl("https://git.example.com/x.git")), Optional.of(nix));
        assertEquals(paths(template), paths(withRepo), "with a repository, shell.nix follows the clone instead");
    }

    @Test
    void withoutARepositoryNothingIsLeftToDoOnceTheContainerRuns() {
        assertEquals(Optional.empty(), provisioner(GitCredentialLookup.NONE).provision(ID, ALICE, Optional.empty(),
                Optional.of(new NixConfig("{}"))).problem());
        assertEquals(List.of(), execs);
    }

    private static List<String> paths(List<WorkspaceFile> files) {
        return files.stream().map(WorkspaceFile::path).toList();
    }

    /** The helper itself, run by the git of this machine as the clone runs it. */
    @Test
    void theHelperAnswersOnlyForHttpsOnTheRepositorysHost() throws Exception {
        assertEquals("protocol=https\nhost=git.example.com\nusername=alice-git\npassword=" + TOKEN + "\n",
                fill("protocol=https\nhost=git.example.com\n\n"));
        assertFalse(fill("protocol=https\nhost=elsewhere.example.com\n\n").contains(TOKEN), "another host gets nothing");
        assertFalse(fill("protocol=http\nhost=git.example.com\n\n").contains(TOKEN), "plain http gets nothing");
    }

    private static String fill(String asked) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("git", "-c", "credential.helper=", "-c",
                "credential.helper=" + WorkspaceProvisioner.CREDENTIAL_HELPER, "credential", "fill");
        builder.environment().putAll(Map.of("KALPANA_GIT_HOST", "git.example.com", "KALPANA_GIT_USER", "alice-git",
                "KALPANA_GIT_TOKEN", TOKEN, "GIT_TERMINAL_PROMPT", "0", "GIT_CONFIG_NOSYSTEM", "1",
                "HOME", System.getProperty("java.io.tmpdir")));
        builder.environment().remove("GIT_ASKPASS");
        builder.environment().remove("SSH_ASKPASS");
        builder.redirectErrorStream(false);
        Process git = builder.start();
        git.getOutputStream().write(asked.getBytes(StandardCharsets.UTF_8));
        git.getOutputStream().close();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(git.waitFor(20, TimeUnit.SECONDS));
        return out;
    }
}
