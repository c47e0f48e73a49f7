package io.kalpana.runtime;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Docker runtime against the real engine and the real workspace image. */
@Timeout(600)
class DockerWorkspaceRuntimeDockerIT {

    private static final Duration SHORT = Duration.ofSeconds(20);

    private DockerTestSupport docker;
    private DockerWorkspaceRuntime runtime;

    @BeforeEach
    void setUp() {
        docker = new DockerTestSupport();
        runtime = new DockerWorkspaceRuntime(DockerTestSupport.settings());
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
    void aStartReportsItsStepsAndProvisionsANewVolumeWhileTheIdeBoots() {
        WorkspaceId id = docker.newWorkspace();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        WorkspaceLaunch launch = docker.launch(id);

        StartedContainer started = runtime.start(launch, new StartListener() {
            @Override
            public void step(StartStep step) {
                seen.add(step.name());
            }

            @Override
            public void whileBooting(boolean volumeCreated, WorkspaceSecrets secrets) {
                seen.add("booting new=" + volumeCreated + " ideAnswers=" + (DockerTestSupport.healthzStatus(launch.ports().ide()) == 200));
                assertTrue(runtime.exec(id, List.of("sh", "-c", "echo early > /workspace/early.txt"), SHORT).succeeded());
            }
        });

        assertEquals(List.of("CREATING_CONTAINER", "STARTING_CONTAINER", "WAITING_FOR_IDE",
                "booting new=true ideAnswers=false"), seen, "provisioning overlaps the IDE's boot");
        assertEquals(200, DockerTestSupport.healthzStatus(started.ports().ide()), "and the start still waited for the IDE");
        assertEquals("early", runtime.exec(id, List.of("cat", "/workspace/early.txt"), SHORT).output().strip());
    }

    @Test
    void twoWorkspacesRunSideBySideOnTheirOwnPortsAndVolumes() {
        WorkspaceId first = docker.newWorkspace();
        WorkspaceId second = docker.newWorkspace();

        StartedContainer one = runtime.start(docker.launch(first));
        StartedContainer two = runtime.start(docker.launch(second));

        assertTrue(one.volumeCreated() && two.volumeCreated());
        assertNotEquals(one.ports().ide(), two.ports().ide());
        assertEquals(200, DockerTestSupport.healthzStatus(one.ports().ide()));
        assertEquals(200, DockerTestSupport.healthzStatus(two.ports().ide()));
        assertNotEquals(one.secrets().idePassword(), two.secrets().idePassword());

        assertTrue(runtime.exec(first, List.of("sh", "-c", "echo only-in-first > /workspace/mine.txt"), SHORT).succeeded());
        assertEquals("only-in-first", runtime.exec(first, List.of("cat", "/workspace/mine.txt"), SHORT).output().strip());
        ExecResult inSecond = runtime.exec(second, List.of("cat", "/workspace/mine.txt"), SHORT);
        assertNotEquals(0, inSecond.exitCode(), "the second workspace must not see the first one's file");

        List<WorkspaceId> listed = runtime.listManaged().stream()
                .flatMap(container -> container.workspace().stream()).toList();
        assertTrue(listed.containsAll(List.of(first, second)));

        WorkspaceId absent = WorkspaceId.generate();
        java.util.Map<WorkspaceId, ContainerUsage> usage = runtime.usage(List.of(first, second, absent), Duration.ofSeconds(10));
        assertEquals(java.util.Set.of(first, second), usage.keySet(), "measured in parallel; a missing container is left out");
        for (ContainerUsage one1 : usage.values()) {
            assertTrue(one1.memoryBytes() > 1024 * 1024, "code-server uses more than 1 MiB: " + one1);
            assertEquals(DockerTestSupport.settings().memory().bytes(), one1.memoryLimitBytes(), "the container's own limit");
            assertTrue(one1.cpuPercent() >= 0, one1.toString());
        }
    }

    @Test
    void containerRunsHardenedAsTheWorkspaceUser() {
        WorkspaceId id = docker.newWorkspace();
        runtime.start(docker.launch(id));

        assertEquals("1000:1000", runtime.exec(id, List.of("sh", "-c", "echo $(id -u):$(id -g)"), SHORT).output().strip());
        assertEquals("0000000000000000", runtime.exec(id,
                List.of("awk", "/^CapEff/ {print $2}", "/proc/1/status"), SHORT).output().strip());
        assertEquals("1", runtime.exec(id,
                List.of("awk", "/^NoNewPrivs/ {print $2}", "/proc/1/status"), SHORT).output().strip());
        String environment = runtime.exec(id, List.of("sh", "-c", "env"), SHORT).output();
        assertFalse(environment.contains("KALPANA_IDE_PASSWORD") || environment.contains("KALPANA_BRIDGE_TOKEN"),
                "commands Kalpana runs in a workspace do not see its secrets");
    }

    @Test
    void firstFilesAreInPlaceWhenTheIdeFirstAnswersAndOnlyANewVolumeGetsThem() {
        WorkspaceId id = docker.newWorkspace();
        FirstFiles starter = new FirstFiles(List.of(WorkspaceFile.text("README.md", "starter\n"),
                WorkspaceFile.text("src/app/main.txt", "main\n")), false);
        List<String> atBoot = new java.util.concurrent.CopyOnWriteArrayList<>();

        runtime.start(docker.launch(id).withFirstFiles(starter), new StartListener() {
            @Override
            public void whileBooting(boolean filling, WorkspaceSecrets secrets) {
                atBoot.add("filling=" + filling + " " + read(id, "cat /workspace/README.md"));
            }
        });

        assertEquals(List.of("filling=true starter"), atBoot, "the files are there before anything else runs");
        assertEquals("1000:1000 1000:1000", read(id, "echo $(stat -c %u:%g /workspace/README.md /workspace/src/app)"));
        String[] carrying = read(id, "n=0; c=0; for p in $(pgrep -f '[k]alpana-bridge.jar|[c]ode-server'); do n=$((n+1));"
                + " tr '\\0' '\\n' < /proc/$p/environ | grep -q '^KALPANA_FIRST_FILES=' && c=$((c+1)); done; echo $n $c").split(" ");
        assertTrue(Integer.parseInt(carrying[0]) >= 2, "the bridge and code-server run: " + String.join(" ", carrying));
        assertEquals("0", carrying[1], "neither the IDE nor the bridge carries the packed files in its environment");

        assertTrue(runtime.exec(id, List.of("sh", "-c", "echo mine > /workspace/README.md"), SHORT).succeeded());
        runtime.remove(id);
        runtime.start(docker.launch(id).withFirstFiles(starter));
        assertEquals("mine", read(id, "cat /workspace/README.md"), "an existing volume keeps its files");

        runtime.remove(id);
        runtime.start(docker.launch(id).withFirstFiles(new FirstFiles(starter.files(), true)));
        assertEquals("starter", read(id, "cat /workspace/README.md"), "unless the workspace never ran");
    }

    @Test
    void aWorkspaceThatNeverRanHasItsVolumeCreatedWithItsLabels() throws Exception {
        WorkspaceId id = docker.newWorkspace();
        WorkspaceLaunch launch = docker.launch(id).withFirstFiles(new FirstFiles(List.of(WorkspaceFile.text("a.txt", "a\n")), true));
        StartedContainer started = runtime.start(launch);

        assertTrue(started.volumeCreated());
        assertEquals(id.value() + " " + launch.owner().value(), DockerTestSupport.docker("volume", "inspect", "-f",
                "{{index .Labels \"" + ContainerNaming.WORKSPACE_LABEL + "\"}} {{index .Labels \"" + ContainerNaming.OWNER_LABEL
                        + "\"}}", ContainerNaming.volume(id)).strip(), "labelled like the container, for the engine's own listings");
        assertEquals("a 1000", read(id, "echo $(cat /workspace/a.txt) $(stat -c %u /workspace)"), "the person owns /workspace");

        runtime.remove(id);
        runtime.deleteVolume(id);
        StartedContainer again = runtime.start(docker.launch(id).withFirstFiles(new FirstFiles(launch.firstFiles().files(), false)));
        assertTrue(again.volumeCreated(), "a workspace that ran before, whose volume went, gets a new one");
        assertEquals("a 1000", read(id, "echo $(cat /workspace/a.txt) $(stat -c %u /workspace)"), "with the starter files");
    }

    /** Files that do not fit in an environment string take Docker's archive API into the created container. */
    @Test
    void firstFilesTooLargeForTheEnvironmentAreCopiedInBeforeTheStart() {
        WorkspaceId id = docker.newWorkspace();
        byte[] noise = new byte[200 * 1024];
        new java.util.Random(11).nextBytes(noise);
        FirstFiles large = new FirstFiles(List.of(new WorkspaceFile("data/noise.bin", noise),
                WorkspaceFile.text("README.md", "starter\n")), false);

        runtime.start(docker.launch(id).withFirstFiles(large), new StartListener() {
            @Override
            public void whileBooting(boolean filling, WorkspaceSecrets secrets) {
                assertEquals("starter", read(id, "cat /workspace/README.md"));
            }
        });

        assertEquals(noise.length + " 1000:1000", read(id, "stat -c '%s %u:%g' /workspace/data/noise.bin"));
    }

    private String read(WorkspaceId id, String script) {
        return DockerTestSupport.shellOutput(runtime, id, script);
    }

    @Test
    void aContainerLeftUnderTheWorkspacesNameIsReplaced() throws Exception {
        WorkspaceId id = docker.newWorkspace();
        DockerTestSupport.docker("create", "--name", ContainerNaming.container(id), "--label", "left=over",
                DockerTestSupport.settings().image());

        StartedContainer started = runtime.start(docker.launch(id));

        assertEquals(200, DockerTestSupport.healthzStatus(started.ports().ide()));
        assertEquals("", DockerTestSupport.docker("ps", "-aq", "--filter", "label=left=over").strip(),
                "the leftover is gone");
    }

    @Test
    void filesSurviveStopAndStartBecauseTheVolumeStays() {
        WorkspaceId id = docker.newWorkspace();
        runtime.start(docker.launch(id));
        assertTrue(runtime.exec(id, List.of("sh", "-c", "echo kept > /workspace/kept.txt"), SHORT).succeeded());

        runtime.remove(id);
        assertFalse(runtime.inspect(id).present());
        assertTrue(runtime.volumeExists(id));

        StartedContainer again = runtime.start(docker.launch(id));
        assertFalse(again.volumeCreated());
        assertEquals("kept", runtime.exec(id, List.of("cat", "/workspace/kept.txt"), SHORT).output().strip());
        assertTrue(runtime.inspect(id).running());
    }

    @Test
    void deleteVolumeRemovesContainerAndVolume() {
        WorkspaceId id = docker.newWorkspace();
        runtime.start(docker.launch(id));

        runtime.deleteVolume(id);

        assertFalse(runtime.inspect(id).present());
        assertFalse(runtime.volumeExists(id));
    }

    @Test
    void startTimeoutIsACleanErrorAndLeavesNothingBehind() {
        WorkspaceId id = docker.newWorkspace();
        DockerWorkspaceRuntime impatient = new DockerWorkspaceRuntime(
                DockerTestSupport.settings().withStartTimeout(Duration.ofMillis(200)));
        try {
            KalpanaException problem = assertThrows(KalpanaException.class, () -> impatient.start(docker.launch(id)));
            assertEquals("workspace_start_timeout", problem.code());
            assertTrue(problem.getMessage().contains("did not become ready"), problem.getMessage());
        } finally {
            impatient.close();
        }
        assertFalse(runtime.inspect(id).present(), "no container may be left");
        assertFalse(runtime.volumeExists(id), "the volume created by the failed first start goes too");
    }

    @Test
    void missingImageNamesTheImageAndHowToBuildIt() {
        WorkspaceId id = docker.newWorkspace();
        DockerWorkspaceRuntime withoutImage = new DockerWorkspaceRuntime(
                DockerTestSupport.settings().withImage("kalpana-workspace:no-such-version"));
        try {
            KalpanaException problem = assertThrows(KalpanaException.class, () -> withoutImage.start(docker.launch(id)));
            assertEquals("workspace_image_missing", problem.code());
            assertTrue(problem.getMessage().contains("kalpana-workspace:no-such-version"), problem.getMessage());
            assertTrue(problem.getMessage().contains("./kalpana image"), problem.getMessage());
        } finally {
            withoutImage.close();
        }
        assertFalse(runtime.volumeExists(id));
    }

    @Test
    void engineAnswersPing() {
        runtime.ping();
    }

    @Test
    void engineReportsItsHostMemoryAndCpus() {
        EngineInfo info = runtime.engineInfo();
        assertTrue(info.memoryBytes() > 256L * 1024 * 1024, info.toString());
        assertEquals(Runtime.getRuntime().availableProcessors() > 0, info.cpus() > 0, info.toString());
        assertEquals(java.util.Map.of(), runtime.usage(List.of(), Duration.ofSeconds(1)));
    }
}
