package io.kalpana.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.VolumeOptions;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.port.PortPair;
import io.kalpana.problem.KalpanaException;
import io.kalpana.store.Installation;
import io.kalpana.workspace.WorkspaceId;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Workspaces as Docker containers, through docker-java. The client is created on first use so that
 * Kalpana deploys, and reports the problem, when the engine is down.
 */
@ApplicationScoped
public class DockerWorkspaceRuntime implements WorkspaceRuntime, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DockerWorkspaceRuntime.class.getName());

    static final int IDE_PORT = 8080;
    static final int BRIDGE_PORT = 3001;
    private static final String WORKSPACE_DIR = "/workspace";
    private static final String WORKSPACE_USER = "1000:1000";
    private static final Duration OUTPUT_READ_TIMEOUT = Duration.ofSeconds(10);
    private static final int OUTPUT_TAIL_BYTES = 4000;

    private RuntimeSettings settings;
    private final IdeHeartbeatProbe heartbeats = new IdeHeartbeatProbe();
    private Supplier<String> installation;
    private DockerClient client;
    private final ReadinessProbe readiness = new ReadinessProbe();
    /**
     * Threads that wait for an IDE to answer while the starting thread provisions the new volume. Plain daemon
     * threads: the wait is an HTTP poll that needs nothing from the container's context.
     */
    private final ExecutorService readinessWaits = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "kalpana-ide-readiness");
        thread.setDaemon(true);
        return thread;
    });

    /** For the CDI proxy only. */
    protected DockerWorkspaceRuntime() {
    }

    @Inject
    public DockerWorkspaceRuntime(KalpanaConfig config, Installation installation) {
        this(RuntimeSettings.from(config), installation::id);
    }

    /** A runtime of its own installation, for tests and benchmarks that build it directly. */
    public DockerWorkspaceRuntime(RuntimeSettings settings) {
        this(settings, () -> "standalone-" + ProcessHandle.current().pid());
    }

    public DockerWorkspaceRuntime(RuntimeSettings settings, Supplier<String> installation) {
        this.settings = settings;
        this.installation = installation;
    }

    @Override
    public StartedContainer start(WorkspaceLaunch launch, StartListener listener) {
        WorkspaceId id = launch.id();
        long began = System.nanoTime();
        DockerClient docker = docker();
        // No look-ups ahead of the create: a missing image is its 404, a container left over from an interrupted
        // stop is its 409, and every call saved is start time.
        boolean volumeCreated = call(() -> volumeIsNew(docker, launch), "look up the workspace volume");
        WorkspaceSecrets secrets = WorkspaceSecrets.generate();
        boolean filling = launch.firstFiles().placedWhen(volumeCreated);
        List<WorkspaceFile> firstFiles = filling ? launch.firstFiles().files() : List.of();
        Optional<String> firstFilesVariable = FirstFilesVariable.of(firstFiles);
        try {
            long prepared = System.nanoTime();
            listener.step(StartStep.CREATING_CONTAINER);
            // The launch's image, so that a missing one is named in the refusal.
            RuntimeSettings launched = launch.image().map(image -> settings.withImage(image.value())).orElse(settings);
            String containerId = call(() -> createReplacingLeftover(docker, launch, launched.image(), secrets,
                    firstFilesVariable), "create the workspace container", launched);
            if (!firstFiles.isEmpty() && firstFilesVariable.isEmpty()) {
                // Too large for the variable: into the created container, so the IDE still opens on them.
                copyInto(docker, containerId, firstFiles);
            }
            long createdAt = System.nanoTime();
            listener.step(StartStep.STARTING_CONTAINER);
            call(() -> docker.startContainerCmd(containerId).exec(), "start the workspace container");
            long startedAt = System.nanoTime();
            LOG.info(() -> "workspace=" + id + " container " + shortId(containerId) + " started, ide="
                    + launch.ports().ide() + " bridge=" + launch.ports().bridge() + (volumeCreated ? " (new volume)" : "")
                    + (firstFiles.isEmpty() ? "" : " with " + firstFiles.size() + " first file(s) "
                    + (firstFilesVariable.isPresent() ? "in its environment" : "copied in before the start")));
            listener.step(StartStep.WAITING_FOR_IDE);
            CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> readiness.await(id, healthz(launch.ports()),
                    settings.startTimeout(), () -> endedReason(docker, containerId)), readinessWaits);
            try {
                listener.whileBooting(filling, secrets);
            } catch (RuntimeException e) {
                ready.cancel(true);
                throw e;
            }
            long provisioned = System.nanoTime();
            awaitReady(ready);
            long readyAt = System.nanoTime();
            Duration readyAfter = Duration.ofNanos(readyAt - began);
            // Each phase, so that a slow start can be pinned on the engine, the image's boot or the provisioning.
            LOG.info(() -> "workspace=" + id + " ready after " + readyAfter.toMillis() + " ms (volume "
                    + millis(prepared - began) + ", create " + millis(createdAt - prepared) + ", start "
                    + millis(startedAt - createdAt) + ", IDE boot " + millis(readyAt - startedAt) + ", of it provisioning "
                    + millis(provisioned - startedAt) + ")");
            return new StartedContainer(containerId, launch.ports(), secrets, volumeCreated, readyAfter);
        } catch (RuntimeException e) {
            LOG.warning(() -> "workspace=" + id + " start failed, removing what it created: " + e.getMessage());
            try {
                removeIfPresent(docker, ContainerNaming.container(id));
            } catch (RuntimeException cleanup) {
                // The start's own failure is what the caller must see; the lifecycle retries the removal.
                LOG.log(Level.WARNING, "workspace=" + id + " container could not be removed after a failed start", cleanup);
            }
            if (volumeCreated) {
                removeVolumeQuietly(docker, id);
            }
            throw DockerFailures.translate(e, settings, "start the workspace");
        }
    }

    @Override
    public void remove(WorkspaceId id) {
        removeIfPresent(docker(), ContainerNaming.container(id));
        LOG.info(() -> "workspace=" + id + " container removed (volume kept)");
    }

    @Override
    public void removeContainer(String containerId) {
        removeIfPresent(docker(), containerId);
        LOG.info(() -> "workspace=? container " + shortId(containerId) + " removed");
    }

    @Override
    public void deleteVolume(WorkspaceId id) {
        DockerClient docker = docker();
        removeIfPresent(docker, ContainerNaming.container(id));
        call(() -> {
            try {
                docker.removeVolumeCmd(ContainerNaming.volume(id)).exec();
            } catch (NotFoundException alreadyGone) {
                LOG.fine(() -> "workspace=" + id + " had no volume");
            }
        }, "remove the workspace volume");
        LOG.info(() -> "workspace=" + id + " volume " + ContainerNaming.volume(id) + " removed");
    }

    @Override
    public boolean volumeExists(WorkspaceId id) {
        DockerClient docker = docker();
        return call(() -> {
            try {
                docker.inspectVolumeCmd(ContainerNaming.volume(id)).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        }, "look up the workspace volume");
    }

    @Override
    public ContainerState inspect(WorkspaceId id) {
        DockerClient docker = docker();
        return call(() -> {
            try {
                InspectContainerResponse container = docker.inspectContainerCmd(ContainerNaming.container(id)).exec();
                boolean running = Boolean.TRUE.equals(container.getState().getRunning());
                return new ContainerState(true, running, container.getId(),
                        running ? null : exitReason(docker, container));
            } catch (NotFoundException e) {
                return ContainerState.absent();
            }
        }, "inspect the workspace container");
    }

    @Override
    public List<ManagedContainer> listManaged() {
        DockerClient docker = docker();
        List<Container> containers = call(() -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(ContainerNaming.managedBy(installation.get())).exec(), "list workspace containers");
        List<ManagedContainer> managed = new ArrayList<>();
        for (Container container : containers) {
            Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
            String name = container.getNames() == null || container.getNames().length == 0
                    ? container.getId() : container.getNames()[0].replaceFirst("^/", "");
            managed.add(new ManagedContainer(container.getId(), name, workspaceOf(labels.get(ContainerNaming.WORKSPACE_LABEL)),
                    "running".equalsIgnoreCase(container.getState())));
        }
        return managed;
    }

    @Override
    public void ping() {
        DockerClient docker = docker();
        call(() -> docker.pingCmd().exec(), "answer a ping");
    }

    @Override
    public EngineInfo engineInfo() {
        DockerClient docker = docker();
        Info info = call(() -> docker.infoCmd().exec(), "report its host's memory and CPUs");
        return new EngineInfo(info.getMemTotal() == null ? 0 : info.getMemTotal(),
                info.getNCPU() == null ? 0 : info.getNCPU(),
                info.getServerVersion() == null ? "?" : info.getServerVersion(),
                info.getContainersRunning() == null ? 0 : info.getContainersRunning());
    }

    /**
     * One-shot stats calls are asynchronous in docker-java, so all of them are sent first and then awaited
     * against one deadline: the whole measurement takes as long as the slowest container (about a second,
     * the engine samples CPU twice), not the sum of them.
     */
    @Override
    public Map<WorkspaceId, ContainerUsage> usage(Collection<WorkspaceId> ids, Duration timeout) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        DockerClient docker = docker();
        Map<WorkspaceId, CompletableFuture<Statistics>> pending = new HashMap<>();
        List<ResultCallback.Adapter<Statistics>> callbacks = new ArrayList<>();
        for (WorkspaceId id : ids) {
            CompletableFuture<Statistics> first = new CompletableFuture<>();
            ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Statistics statistics) {
                    first.complete(statistics);
                }

                @Override
                public void onError(Throwable failure) {
                    first.completeExceptionally(failure);
                }

                @Override
                public void onComplete() {
                    first.completeExceptionally(new IllegalStateException("no statistics"));
                }
            };
            try {
                callbacks.add(docker.statsCmd(ContainerNaming.container(id)).withNoStream(true).exec(callback));
                pending.put(id, first);
            } catch (RuntimeException e) {
                KalpanaException problem = DockerFailures.translate(e, settings, "measure containers");
                if ("docker_unavailable".equals(problem.code())) {
                    throw problem;
                }
                LOG.fine(() -> "workspace=" + id + " stats not available: " + e.getMessage());
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<WorkspaceId, ContainerUsage> measured = new HashMap<>();
        try {
            for (Map.Entry<WorkspaceId, CompletableFuture<Statistics>> entry : pending.entrySet()) {
                long left = Math.max(0, deadline - System.nanoTime());
                try {
                    measured.put(entry.getKey(), usageOf(entry.getKey(), entry.getValue().get(left, TimeUnit.NANOSECONDS)));
                } catch (TimeoutException e) {
                    LOG.fine(() -> "workspace=" + entry.getKey() + " stats took longer than " + timeout.toMillis() + " ms");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        KalpanaException problem = DockerFailures.translate(failure, settings, "measure containers");
                        if ("docker_unavailable".equals(problem.code())) {
                            throw problem;
                        }
                    }
                    LOG.fine(() -> "workspace=" + entry.getKey() + " stats failed: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            for (ResultCallback.Adapter<Statistics> callback : callbacks) {
                try {
                    callback.close();
                } catch (IOException e) {
                    LOG.log(Level.FINE, "workspace=? closing a stats stream failed", e);
                }
            }
        }
        return measured;
    }

    static ContainerUsage usageOf(WorkspaceId id, Statistics statistics) {
        long memory = 0;
        long limit = 0;
        if (statistics.getMemoryStats() != null) {
            var memoryStats = statistics.getMemoryStats();
            memory = memoryStats.getUsage() == null ? 0 : memoryStats.getUsage();
            limit = memoryStats.getLimit() == null ? 0 : memoryStats.getLimit();
            // As `docker stats` does: page cache the kernel can drop is not memory the workspace needs.
            if (memoryStats.getStats() != null) {
                Long reclaimable = memoryStats.getStats().getInactiveFile() != null
                        ? memoryStats.getStats().getInactiveFile() : memoryStats.getStats().getTotalInactiveFile();
                if (reclaimable != null && reclaimable < memory) {
                    memory -= reclaimable;
                }
            }
        }
        double cpu = 0;
        var now = statistics.getCpuStats();
        var before = statistics.getPreCpuStats();
        if (now != null && before != null && now.getCpuUsage() != null && before.getCpuUsage() != null
                && now.getCpuUsage().getTotalUsage() != null && before.getCpuUsage().getTotalUsage() != null
                && now.getSystemCpuUsage() != null && before.getSystemCpuUsage() != null) {
            long cpuDelta = now.getCpuUsage().getTotalUsage() - before.getCpuUsage().getTotalUsage();
            long systemDelta = now.getSystemCpuUsage() - before.getSystemCpuUsage();
            long online = now.getOnlineCpus() == null ? 1 : now.getOnlineCpus();
            if (cpuDelta > 0 && systemDelta > 0) {
                cpu = (double) cpuDelta / systemDelta * online * 100.0;
            }
        }
        return new ContainerUsage(id, memory, limit, cpu);
    }

    /**
     * Runs detached and polls for the end, because a command that prints nothing for longer than the
     * Docker response timeout (a slow clone) would otherwise break the attached stream. Output goes to a
     * file inside the container and its tail is read once the command has ended.
     */
    @Override
    public ExecResult exec(WorkspaceId id, List<String> command, Duration timeout, Map<String, String> environment) {
        DockerClient docker = docker();
        String container = ContainerNaming.container(id);
        String outputFile = "/tmp/kalpana-exec-" + UUID.randomUUID() + ".log";
        // Commands Kalpana runs (a clone of a stranger's repository) have no business with the container's secrets.
        List<String> wrapped = new ArrayList<>(List.of("env", "-u", "KALPANA_IDE_PASSWORD", "-u", "KALPANA_BRIDGE_TOKEN",
                "-u", "KALPANA_CALLBACK_TOKEN", "-u", FirstFilesVariable.NAME, "sh", "-c", "\"$@\" >\"$0\" 2>&1", outputFile,
                "timeout", "-k", "5", Math.max(1, timeout.toSeconds()) + "s"));
        wrapped.addAll(command);
        // Environment of this exec only: not in the container's configuration, its argv or any file.
        List<String> env = environment.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
        return call(() -> {
            String execId = docker.execCreateCmd(container).withUser(WORKSPACE_USER).withWorkingDir(WORKSPACE_DIR)
                    .withEnv(env).withCmd(wrapped.toArray(String[]::new)).exec().getId();
            awaitQuietly(docker.execStartCmd(execId).withDetach(true).exec(new ResultCallback.Adapter<>()),
                    OUTPUT_READ_TIMEOUT);
            long deadline = System.nanoTime() + timeout.plusSeconds(15).toNanos();
            InspectExecResponse state = docker.inspectExecCmd(execId).exec();
            while (Boolean.TRUE.equals(state.isRunning()) && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(200));
                state = docker.inspectExecCmd(execId).exec();
            }
            if (Boolean.TRUE.equals(state.isRunning())) {
                return new ExecResult(ExecResult.TIMED_OUT, "still running after " + timeout.toSeconds() + " seconds");
            }
            int exitCode = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
            return new ExecResult(exitCode, readAndDelete(docker, container, outputFile));
        }, "run a command in the workspace");
    }

    @Override
    public void writeFiles(WorkspaceId id, List<WorkspaceFile> files) {
        if (files.isEmpty()) {
            return;
        }
        DockerClient docker = docker();
        call(() -> copyInto(docker, ContainerNaming.container(id), files), "write files into the workspace");
        LOG.info(() -> "workspace=" + id + " wrote " + files.size() + " file(s) into " + WORKSPACE_DIR);
    }

    /** Through Docker's archive API, which also reaches a created container's volume before it starts. */
    private static void copyInto(DockerClient docker, String container, List<WorkspaceFile> files) {
        byte[] tar = WorkspaceTar.of(files);
        docker.copyArchiveToContainerCmd(container).withRemotePath(WORKSPACE_DIR)
                .withTarInputStream(new java.io.ByteArrayInputStream(tar)).exec();
    }

    private String createReplacingLeftover(DockerClient docker, WorkspaceLaunch launch, String image,
                                           WorkspaceSecrets secrets, Optional<String> firstFilesVariable) {
        try {
            return create(docker, launch, image, secrets, firstFilesVariable);
        } catch (ConflictException nameTaken) {
            LOG.info(() -> "workspace=" + launch.id() + " replacing a container left from an earlier run");
            removeIfPresent(docker, ContainerNaming.container(launch.id()));
            return create(docker, launch, image, secrets, firstFilesVariable);
        }
    }

    private String create(DockerClient docker, WorkspaceLaunch launch, String image, WorkspaceSecrets secrets,
                          Optional<String> firstFilesVariable) {
        ExposedPort ide = ExposedPort.tcp(IDE_PORT);
        ExposedPort bridge = ExposedPort.tcp(BRIDGE_PORT);
        Ports bindings = new Ports();
        bindings.bind(ide, Ports.Binding.bindIpAndPort(settings.bindAddress(), launch.ports().ide().number()));
        bindings.bind(bridge, Ports.Binding.bindIpAndPort(settings.bindAddress(), launch.ports().bridge().number()));
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(bindings)
                // A missing volume is made by this create, labelled like the container: no call of its own before it.
                .withMounts(List.of(new Mount().withType(MountType.VOLUME).withSource(ContainerNaming.volume(launch.id()))
                        .withTarget(WORKSPACE_DIR).withVolumeOptions(new VolumeOptions()
                                .withLabels(ContainerNaming.labels(launch.id(), launch.owner(), installation.get())))))
                .withMemory(settings.memory().bytes())
                .withMemorySwap(settings.memory().bytes())
                .withNanoCPUs(settings.cpus().nanoCpus())
                .withPidsLimit(settings.pids())
                // code-server and the bridge listen on unprivileged ports as uid 1000: no capability is needed.
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPrivileged(false)
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "10m", "max-file", "2")))
                // The name containers call Kalpana by when it runs on the Docker host (kalpana.workspace.callback-url).
                .withExtraHosts(KalpanaCallbackUrl.DOCKER_HOST_NAME + ":host-gateway");
        List<String> env = new ArrayList<>(List.of("KALPANA_IDE_PASSWORD=" + secrets.idePassword().value(),
                "KALPANA_BRIDGE_TOKEN=" + secrets.bridgeToken().value(),
                "KALPANA_CALLBACK_TOKEN=" + secrets.callbackToken().value(),
                "KALPANA_WORKSPACE_ID=" + launch.id().value()));
        launch.kalpanaUrl().ifPresent(url -> env.add("KALPANA_URL=" + url));
        firstFilesVariable.ifPresent(env::add);
        return docker.createContainerCmd(image)
                .withName(ContainerNaming.container(launch.id()))
                .withLabels(ContainerNaming.labels(launch.id(), launch.owner(), installation.get()))
                .withUser(WORKSPACE_USER)
                .withEnv(env)
                .withExposedPorts(ide, bridge)
                .withHostConfig(host)
                .exec()
                .getId();
    }

    /**
     * Whether the volume is new to this start; the container's create makes a missing one. A workspace that never ran
     * is not looked up (one call less on the way to a new workspace's IDE): what an earlier first start cut short left
     * in its volume is only the starter files, placed again.
     */
    private boolean volumeIsNew(DockerClient docker, WorkspaceLaunch launch) {
        if (launch.firstFiles().evenIntoExistingVolume()) {
            return true;
        }
        try {
            docker.inspectVolumeCmd(ContainerNaming.volume(launch.id())).exec();
            return false;
        } catch (NotFoundException e) {
            LOG.info(() -> "workspace=" + launch.id() + " had no volume; the container's create makes a new one");
            return true;
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void awaitReady(CompletableFuture<Void> ready) {
        try {
            ready.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    @Override
    public Optional<IdeHeartbeat> ideHeartbeat(PortPair ports) {
        URI healthz = healthz(ports);
        return heartbeats.read(healthz.getHost().replace("[", "").replace("]", ""), healthz.getPort());
    }

    private URI healthz(PortPair ports) {
        return URI.create("http://" + reachableHost() + ":" + ports.ide().number() + "/healthz");
    }

    @Override
    public URI bridgeEndpoint(PortPair ports) {
        return URI.create("ws://" + reachableHost() + ":" + ports.bridge().number() + "/");
    }

    /** Where Kalpana itself reaches published ports: the bind address, or loopback when bound to all. */
    private String reachableHost() {
        String host = settings.bindAddress().contains(":") ? "[" + settings.bindAddress() + "]" : settings.bindAddress();
        return "0.0.0.0".equals(host) || "[::]".equals(host) ? "127.0.0.1" : host;
    }

    private Optional<String> endedReason(DockerClient docker, String containerId) {
        try {
            InspectContainerResponse container = docker.inspectContainerCmd(containerId).exec();
            return Boolean.TRUE.equals(container.getState().getRunning())
                    ? Optional.empty() : Optional.of(exitReason(docker, container));
        } catch (NotFoundException e) {
            return Optional.of("its container was removed");
        }
    }

    private String exitReason(DockerClient docker, InspectContainerResponse container) {
        InspectContainerResponse.ContainerState state = container.getState();
        StringBuilder reason = new StringBuilder("exit code ").append(state.getExitCodeLong());
        if (Boolean.TRUE.equals(state.getOOMKilled())) {
            reason.append(", out of memory (kalpana.workspace.memory is ").append(settings.memory().bytes() / (1024 * 1024))
                    .append(" MiB)");
        }
        if (state.getError() != null && !state.getError().isBlank()) {
            reason.append(", ").append(state.getError().strip());
        }
        lastLogLine(docker, container.getId()).ifPresent(line -> reason.append(": ").append(line));
        return reason.toString();
    }

    private Optional<String> lastLogLine(DockerClient docker, String containerId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            awaitQuietly(docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(3)
                    .exec(collectingInto(out)), OUTPUT_READ_TIMEOUT);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? Optional.empty() : Optional.of(last.length() > 300 ? last.substring(0, 300) : last);
    }

    private String readAndDelete(DockerClient docker, String container, String outputFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String execId = docker.execCreateCmd(container).withUser(WORKSPACE_USER).withAttachStdout(true)
                .withAttachStderr(true)
                .withCmd("sh", "-c", "tail -c " + OUTPUT_TAIL_BYTES + " \"$0\"; rm -f \"$0\"", outputFile).exec().getId();
        awaitQuietly(docker.execStartCmd(execId).exec(collectingInto(out)), OUTPUT_READ_TIMEOUT);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ResultCallback.Adapter<Frame> collectingInto(ByteArrayOutputStream out) {
        return new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (out) {
                    out.writeBytes(frame.getPayload());
                }
            }
        };
    }

    private static void awaitQuietly(ResultCallback.Adapter<?> callback, Duration timeout) {
        try {
            callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                callback.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "workspace=? closing a Docker stream failed", e);
            }
        }
    }

    private void removeIfPresent(DockerClient docker, String nameOrId) {
        call(() -> {
            try {
                docker.removeContainerCmd(nameOrId).withForce(true).withRemoveVolumes(false).exec();
            } catch (NotFoundException alreadyGone) {
                LOG.fine(() -> "workspace=? container " + nameOrId + " was already gone");
            } catch (ConflictException removalInProgress) {
                LOG.fine(() -> "workspace=? container " + nameOrId + " is being removed already");
            }
        }, "remove the workspace container");
    }

    private void removeVolumeQuietly(DockerClient docker, WorkspaceId id) {
        try {
            docker.removeVolumeCmd(ContainerNaming.volume(id)).exec();
        } catch (NotFoundException e) {
            LOG.fine(() -> "workspace=" + id + " start failed before its create made the volume");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "workspace=" + id + " could not remove its new, empty volume", e);
        }
    }

    private static Optional<WorkspaceId> workspaceOf(String label) {
        try {
            return Optional.of(new WorkspaceId(label));
        } catch (KalpanaException malformed) {
            return Optional.empty();
        }
    }

    private static String shortId(String containerId) {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KalpanaException.unavailable("workspace_command_interrupted", "Waiting for a workspace command was interrupted", e);
        }
    }

    private <T> T call(DockerCall<T> action, String attempted) {
        return call(action, attempted, settings);
    }

    private <T> T call(DockerCall<T> action, String attempted, RuntimeSettings translatedWith) {
        try {
            return action.run();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(e, translatedWith, attempted);
        }
    }

    private void call(Runnable action, String attempted) {
        call(() -> {
            action.run();
            return null;
        }, attempted);
    }

    @FunctionalInterface
    private interface DockerCall<T> {
        T run();
    }

    private synchronized DockerClient docker() {
        if (client == null) {
            try {
                DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                        .withDockerHost(settings.dockerHost()).build();
                ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .sslConfig(config.getSSLConfig())
                        .maxConnections(32)
                        .connectionTimeout(settings.connectTimeout())
                        .responseTimeout(settings.responseTimeout())
                        .build();
                client = DockerClientImpl.getInstance(config, http);
            } catch (RuntimeException e) {
                throw DockerFailures.unavailable(settings, e);
            }
        }
        return client;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        readinessWaits.shutdownNow();
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "workspace=? closing the Docker client failed", e);
            }
            client = null;
        }
    }
}
