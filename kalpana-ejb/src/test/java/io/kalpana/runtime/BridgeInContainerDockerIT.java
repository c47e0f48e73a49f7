package io.kalpana.runtime;

import io.kalpana.bridge.client.BridgeAuthenticationException;
import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.bridge.client.BridgeClientConfig;
import io.kalpana.bridge.client.BridgeRefusedException;
import io.kalpana.bridge.client.ExecHandle;
import io.kalpana.bridge.client.ExecListener;
import io.kalpana.bridge.protocol.ExecExit;
import io.kalpana.bridge.protocol.OutputChannel;
import io.kalpana.workspace.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kalpana's Java bridge client talking to the bridge inside a real workspace container. */
class BridgeInContainerDockerIT {

    private final DockerTestSupport docker = new DockerTestSupport();
    private final DockerWorkspaceRuntime runtime = new DockerWorkspaceRuntime(DockerTestSupport.settings());

    @AfterEach
    void cleanUp() {
        docker.close();
        runtime.close();
    }

    private static BridgeClient client(StartedContainer started, String token) {
        return BridgeClient.create(BridgeClientConfig.of(
                        URI.create("ws://127.0.0.1:" + started.ports().bridge().number() + "/"), token)
                .withRequestTimeout(Duration.ofSeconds(20)).withConnectTimeout(Duration.ofSeconds(5)));
    }

    private static ExecListener collectingInto(StringBuilder out) {
        return new ExecListener() {
            @Override
            public void onOutput(OutputChannel channel, String data) {
                synchronized (out) {
                    out.append(data);
                }
            }
        };
    }

    @Test
    void filesAndCommandsGoThroughTheContainersBridge() throws Exception {
        WorkspaceId id = docker.newWorkspace();
        StartedContainer started = runtime.start(docker.launch(id));
        try (BridgeClient bridge = client(started, started.secrets().bridgeToken().value())) {
            bridge.write("src/hello.txt", "hello from the agent\n").get(30, TimeUnit.SECONDS);
            assertEquals("hello from the agent\n", bridge.read("src/hello.txt").get(30, TimeUnit.SECONDS).content());

            StringBuilder out = new StringBuilder();
            ExecExit exit = bridge.exec("whoami; pwd; cat src/hello.txt; node --version", collectingInto(out)).exit().get(60, TimeUnit.SECONDS);
            assertEquals(0, exit.exitCode(), out.toString());
            assertTrue(out.toString().startsWith("coder\n/workspace\nhello from the agent\nv"), out.toString());

            ExecutionException escape = assertThrows(ExecutionException.class,
                    () -> bridge.read("../etc/passwd").get(30, TimeUnit.SECONDS));
            assertInstanceOf(BridgeRefusedException.class, escape.getCause());
        }
        String onVolume = runtime.exec(id, java.util.List.of("cat", "/workspace/src/hello.txt"), Duration.ofSeconds(30)).output();
        assertEquals("hello from the agent\n", onVolume, "the file landed on the workspace volume");
    }

    /** The entrypoint starts the bridge in the background of a shell, which ignores SIGINT; its commands must not. */
    @Test
    void anInterruptEndsACommandInTheContainer() throws Exception {
        WorkspaceId id = docker.newWorkspace();
        StartedContainer started = runtime.start(docker.launch(id));
        try (BridgeClient bridge = client(started, started.secrets().bridgeToken().value())) {
            StringBuilder out = new StringBuilder();
            ExecHandle handle = bridge.exec("echo ready; sleep 987691", collectingInto(out));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!out.toString().contains("ready") && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            handle.interrupt().get(30, TimeUnit.SECONDS);
            ExecExit exit = handle.exit().get(20, TimeUnit.SECONDS);
            assertEquals(130, exit.exitCode(), "ended by SIGINT: " + out);
        }
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        WorkspaceId id = docker.newWorkspace();
        StartedContainer started = runtime.start(docker.launch(id));
        try (BridgeClient bridge = client(started, "not-the-token")) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> bridge.ping().get(30, TimeUnit.SECONDS));
            assertInstanceOf(BridgeAuthenticationException.class, refused.getCause());
        }
    }
}
