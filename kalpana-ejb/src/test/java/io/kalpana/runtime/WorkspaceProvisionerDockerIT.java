package io.kalpana.runtime;

import io.kalpana.credentials.GitCredentialLookup;
import io.kalpana.workspace.NixConfig;
import io.kalpana.workspace.RepoUrl;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** First-start provisioning inside a real workspace container. */
@Timeout(600)
class WorkspaceProvisionerDockerIT {

    private static final Duration SHORT = Duration.ofSeconds(20);

    private DockerTestSupport docker;
    private DockerWorkspaceRuntime runtime;
    private WorkspaceProvisioner provisioner;

    @BeforeEach
    void setUp() {
        docker = new DockerTestSupport();
        runtime = new DockerWorkspaceRuntime(DockerTestSupport.settings());
        provisioner = new WorkspaceProvisioner(runtime, Duration.ofSeconds(60), GitCredentialLookup.NONE);
    }

    @AfterEach
    void tearDown() {
        try {
            docker.close();
        } finally {
            runtime.close();
        }
    }

    @Test
    void templateAndNixConfigLandInTheWorkspaceOwnedByTheUser() {
        WorkspaceId id = docker.newWorkspace();
        Optional<NixConfig> nix = Optional.of(new NixConfig("{ pkgs ? import <nixpkgs> {} }: pkgs.mkShell { packages = [ pkgs.maven ]; }\n"));
        runtime.start(firstStart(id, WorkspaceTemplate.JAVA_MAVEN, Optional.empty(), nix));

        ProvisioningOutcome outcome = provisioner.provision(id, DockerTestSupport.OWNER, Optional.empty(), nix);

        assertEquals(Optional.empty(), outcome.problem());
        assertEquals("1000:1000", read(id, "stat -c %u:%g /workspace/src/main/java/app/App.java /workspace/.vscode"
                + " | sort -u"));
        assertTrue(read(id, "cat /workspace/.vscode/extensions.json").contains("redhat.java"));
        assertTrue(read(id, "cat /workspace/pom.xml").contains("<artifactId>app</artifactId>"));
        assertEquals("target/\n*.class", read(id, "cat /workspace/.gitignore"));
        assertTrue(read(id, "cat /workspace/shell.nix").contains("pkgs.maven"));
        assertTrue(runtime.exec(id, List.of("sh", "-c", "echo more >> /workspace/pom.xml"), SHORT).succeeded(),
                "the workspace user can edit starter files");
    }

    @Test
    void repositoryIsClonedAndWinsOverTheTemplate() {
        WorkspaceId id = docker.newWorkspace();
        Optional<RepoUrl> repo = Optional.of(new RepoUrl("file:///tmp/src"));
        Optional<NixConfig> nix = Optional.of(new NixConfig("# the person's\n"));
        runtime.start(firstStart(id, WorkspaceTemplate.NODE, repo, nix));
        assertTrue(runtime.exec(id, List.of("sh", "-c", "set -e; mkdir /tmp/src; cd /tmp/src; git init -q;"
                + " echo from-repo > README.md; echo '# the repository s' > shell.nix; git add README.md shell.nix;"
                + " git -c user.name=t -c user.email=t@example.com commit -qm init"), SHORT).succeeded());

        ProvisioningOutcome outcome = provisioner.provision(id, DockerTestSupport.OWNER, repo, nix);

        assertEquals(Optional.empty(), outcome.problem());
        assertEquals("from-repo", read(id, "cat /workspace/README.md"));
        assertEquals("# the person's", read(id, "cat /workspace/shell.nix"), "the person's shell.nix wins over the repository's");
        assertTrue(read(id, "cat /workspace/package.json").contains("\"name\": \"app\""));
        assertEquals("ok", read(id, "git -C /workspace rev-parse --git-dir >/dev/null && echo ok"));
    }

    @Test
    void failedCloneIsANoteAndTheTemplateStillArrives() {
        WorkspaceId id = docker.newWorkspace();
        Optional<RepoUrl> repo = Optional.of(new RepoUrl("https://user:secret@127.0.0.1:1/nothing.git"));
        runtime.start(firstStart(id, WorkspaceTemplate.PYTHON, repo, Optional.empty()));

        ProvisioningOutcome outcome = provisioner.provision(id, DockerTestSupport.OWNER, repo, Optional.empty());

        String problem = outcome.problem().orElseThrow();
        assertTrue(problem.contains("could not be cloned"), problem);
        assertTrue(!problem.contains("secret"), "credentials in the URL must not leak: " + problem);
        assertTrue(read(id, "cat /workspace/main.py").contains("def greeting"));
    }

    /** A launch as the lifecycle makes it for a workspace's first start. */
    private WorkspaceLaunch firstStart(WorkspaceId id, WorkspaceTemplate template, Optional<RepoUrl> repo, Optional<NixConfig> nix) {
        return docker.launch(id).withFirstFiles(new FirstFiles(provisioner.firstFiles(template, repo, nix), true));
    }

    private String read(WorkspaceId id, String script) {
        return DockerTestSupport.shellOutput(runtime, id, script);
    }
}
