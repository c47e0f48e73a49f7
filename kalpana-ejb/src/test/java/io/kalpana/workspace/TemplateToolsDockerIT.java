package io.kalpana.workspace;

import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.runtime.DockerTestSupport;
import io.kalpana.runtime.DockerWorkspaceRuntime;
import io.kalpana.runtime.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each template's workspace, started through the lifecycle as a person's would be, carries the tools its name
 * promises, and its starter project builds and runs there with no network (the container's own Maven repository,
 * the image's Python and Node).
 */
@Timeout(900)
class TemplateToolsDockerIT {

    private static final Caller TESTER = new Caller(new Username("tester"), Set.of(Role.USER));
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(4);

    private DockerWorkspaces workspaces;
    private DockerWorkspaceRuntime runtime;
    private WorkspaceLifecycle lifecycle;

    @BeforeEach
    void setUp() {
        workspaces = new DockerWorkspaces();
        runtime = workspaces.runtime();
        WorkspaceDocuments documents = workspaces.documents();
        lifecycle = documents.lifecycle(new WorkspaceStates(documents::database, Clock.systemUTC()),
                new InMemoryPortAllocator(), runtime);
    }

    @AfterEach
    void tearDown() {
        workspaces.close();
    }

    @Test
    void javaMavenHasAJdkAndMavenAndItsStarterBuildsOffline() throws Exception {
        WorkspaceId id = started("java-maven");
        assertTrue(run(id, "javac -version 2>&1").startsWith("javac 17"));
        assertTrue(run(id, "mvn -v").contains("Apache Maven"));
        run(id, "cd /workspace && mvn -o -q -B compile");
        run(id, "cd /workspace && mvn -o -q -B package");
        assertEquals("Hello, Kalpana!", run(id, "cd /workspace && java -cp target/classes app.App"));
        assertTrue(run(id, "ls /workspace/target").contains("app-0.1.0-SNAPSHOT.jar"), "the starter's tests ran and it packaged");
    }

    @Test
    void pythonHasPython3WithVenvAndPipAndItsStarterRuns() throws Exception {
        WorkspaceId id = started("python");
        assertTrue(run(id, "python3 --version").startsWith("Python 3"));
        assertEquals("Hello, Kalpana!", run(id, "cd /workspace && python3 main.py"));
        run(id, "cd /workspace && python3 -m unittest -q 2>&1");
        assertTrue(run(id, "python3 -m venv /tmp/venv && /tmp/venv/bin/pip --version").startsWith("pip "));
    }

    @Test
    void nodeHasNodeAndNpmAndItsStarterRunsAndTests() throws Exception {
        WorkspaceId id = started("node");
        assertTrue(run(id, "node --version").startsWith("v24."));
        assertTrue(run(id, "cd /workspace && npm start").contains("Hello, Kalpana!"));
        run(id, "cd /workspace && npm test 2>&1");
        assertTrue(run(id, "g++ --version").contains("g++"), "native modules can be compiled");
    }

    @Test
    void blankStaysSmallWithoutTheOtherTemplatesTools() throws Exception {
        WorkspaceId id = started("blank");
        assertEquals("none", run(id, "command -v javac mvn python3 g++ || echo none"));
        long blank = imageSize("blank");
        for (String template : List.of("java-maven", "python", "node")) {
            assertTrue(blank < imageSize(template), template + " is built on blank");
        }
    }

    /** A new workspace of {@code template}, running; its container runs the template's image. */
    private WorkspaceId started(String template) throws Exception {
        Workspace workspace = lifecycle.createAndStart(TESTER, NewWorkspace.of(template + "-tools", template, null, null))
                .workspace();
        workspaces.created().add(workspace.id());
        assertEquals(template, workspace.image().value());
        assertEquals(imageOf(template), DockerTestSupport.docker("inspect", "-f", "{{.Config.Image}}",
                runtime.inspect(workspace.id()).containerId()).strip());
        return workspace.id();
    }

    private String run(WorkspaceId id, String script) {
        ExecResult result = runtime.exec(id, List.of("sh", "-c", script), BUILD_TIMEOUT);
        assertEquals(0, result.exitCode(), script + ":\n" + result.output());
        return result.output().strip();
    }

    /** The template's image as ./kalpana image names it, beside the configured blank one. */
    private static String imageOf(String template) {
        String blank = DockerTestSupport.settings().image();
        return template.equals("blank") ? blank : blank.replace("kalpana-workspace:", "kalpana-workspace-" + template + ":");
    }

    private static long imageSize(String template) throws Exception {
        return Long.parseLong(DockerTestSupport.docker("image", "inspect", "-f", "{{.Size}}", imageOf(template)).strip());
    }
}
