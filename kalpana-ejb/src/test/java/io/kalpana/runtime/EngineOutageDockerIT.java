package io.kalpana.runtime;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Docker engine goes away and comes back while Kalpana runs: the same runtime answers with the clear 503
 * meanwhile and works again afterwards, without a restart. The outage is a TCP relay to the real engine's socket
 * that the test closes and reopens, so the engine other tests use is never stopped.
 */
class EngineOutageDockerIT {

    private final DockerTestSupport docker = new DockerTestSupport();
    private EngineRelay relay;
    private DockerWorkspaceRuntime runtime;

    @AfterEach
    void tearDown() throws IOException {
        try {
            docker.close();
        } finally {
            if (runtime != null) {
                runtime.close();
            }
            if (relay != null) {
                relay.close();
            }
        }
    }

    @Test
    void anEngineThatGoesAwayIsAClear503AndIsUsedAgainOnceItIsBack() throws Exception {
        relay = EngineRelay.open(0);
        int port = relay.port();
        runtime = new DockerWorkspaceRuntime(DockerTestSupport.settings().withDockerHost("tcp://127.0.0.1:" + port));
        runtime.ping();
        WorkspaceId id = docker.newWorkspace();
        StartedContainer started = runtime.start(docker.launch(id));

        relay.close();
        long before = System.nanoTime();
        KalpanaException down = assertThrows(KalpanaException.class, runtime::ping);
        assertEquals("docker_unavailable", down.code());
        assertTrue(Duration.ofNanos(System.nanoTime() - before).toSeconds() < 10, "the 503 comes quickly");
        assertEquals("docker_unavailable", assertThrows(KalpanaException.class, () -> runtime.inspect(id)).code());
        assertEquals(200, DockerTestSupport.healthzStatus(started.ports().ide()),
                "the workspace itself runs on while Kalpana cannot reach the engine");

        relay = EngineRelay.open(port);
        runtime.ping();
        assertTrue(runtime.inspect(id).running(), "the same runtime sees the workspace again");
        runtime.remove(id);
        assertTrue(!runtime.inspect(id).present(), "and can act on it");
    }
}
