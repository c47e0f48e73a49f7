package io.kalpana.runtime;

import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;
import io.kalpana.workspace.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An engine nobody listens for: every operation is the same clear 503, quickly. Needs no Docker. */
@Timeout(30)
class DockerUnavailableTest {

    private final DockerWorkspaceRuntime runtime =
            new DockerWorkspaceRuntime(DockerTestSupport.settings().withDockerHost("tcp://127.0.0.1:1"));

    @AfterEach
    void tearDown() {
        runtime.close();
    }

    @Test
    void pingSaysDockerIsUnavailable() {
        KalpanaException problem = assertThrows(KalpanaException.class, runtime::ping);
        assertEquals("docker_unavailable", problem.code());
        assertEquals(ProblemKind.UNAVAILABLE, problem.kind());
        assertTrue(problem.getMessage().contains("tcp://127.0.0.1:1"), problem.getMessage());
    }

    @Test
    void startSaysDockerIsUnavailable() {
        WorkspaceId id = WorkspaceId.generate();
        KalpanaException problem = assertThrows(KalpanaException.class,
                () -> runtime.start(new WorkspaceLaunch(id, DockerTestSupport.OWNER, DockerTestSupport.freePorts())));
        assertEquals("docker_unavailable", problem.code());
    }

    @Test
    void listAndRemoveSayDockerIsUnavailable() {
        assertEquals("docker_unavailable", assertThrows(KalpanaException.class, runtime::listManaged).code());
        assertEquals("docker_unavailable",
                assertThrows(KalpanaException.class, () -> runtime.remove(WorkspaceId.generate())).code());
    }

    @Test
    void unixSocketThatDoesNotExistIsUnavailableToo() {
        DockerWorkspaceRuntime nowhere = new DockerWorkspaceRuntime(
                DockerTestSupport.settings().withDockerHost("unix:///nonexistent/docker.sock"));
        try {
            assertEquals("docker_unavailable", assertThrows(KalpanaException.class, nowhere::ping).code());
        } finally {
            nowhere.close();
        }
    }

    @Test
    void engineInfoAndUsageSayDockerIsUnavailable() {
        assertEquals("docker_unavailable", assertThrows(KalpanaException.class, runtime::engineInfo).code());
        assertEquals("docker_unavailable", assertThrows(KalpanaException.class,
                () -> runtime.usage(java.util.List.of(WorkspaceId.generate()), java.time.Duration.ofSeconds(2))).code());
    }
}
