package io.kalpana.runtime;

import io.kalpana.port.PortPair;
import io.kalpana.workspace.WorkspaceId;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where workspace containers run. Docker today; an interface so a Kubernetes runtime can follow without
 * the lifecycle noticing. Every failure a user can meet is a {@link io.kalpana.problem.KalpanaException}.
 */
public interface WorkspaceRuntime {

    /** The code of a start refused because a leased host port was taken meanwhile: other ports may work. */
    String HOST_PORT_BUSY = "host_port_busy";

    /**
     * Creates the workspace's volume if it has none, then creates and starts its container and returns
     * once the IDE answers. On failure nothing of this call is left behind (a volume it created included).
     */
    default StartedContainer start(WorkspaceLaunch launch) {
        return start(launch, StartListener.NONE);
    }

    /** As {@link #start(WorkspaceLaunch)}, telling {@code listener} about each step. */
    StartedContainer start(WorkspaceLaunch launch, StartListener listener);

    /** Removes the workspace's container, if any; its volume and the files in it stay. */
    void remove(WorkspaceId id);

    /** Removes a container by its engine id, for containers whose label names no valid workspace. */
    void removeContainer(String containerId);

    /** Removes the workspace's container (if any) and its volume: its files are gone for good. */
    void deleteVolume(WorkspaceId id);

    boolean volumeExists(WorkspaceId id);

    ContainerState inspect(WorkspaceId id);

    /** Every container carrying Kalpana's managed label, running or not. */
    List<ManagedContainer> listManaged();

    /** Succeeds when the engine answers; a {@code docker_unavailable} problem otherwise. */
    void ping();

    /** The WebSocket address at which Kalpana reaches the bridge of a workspace holding {@code ports}. */
    URI bridgeEndpoint(PortPair ports);

    /** Runs a command as the workspace user inside the running container, bounded by {@code timeout}. */
    default ExecResult exec(WorkspaceId id, List<String> command, Duration timeout) {
        return exec(id, command, timeout, Map.of());
    }

    /**
     * As {@link #exec(WorkspaceId, List, Duration)}, with {@code environment} added for this command only: the way to
     * hand it a secret, which must appear neither on its command line nor in the container's configuration.
     */
    ExecResult exec(WorkspaceId id, List<String> command, Duration timeout, Map<String, String> environment);

    /**
     * code-server's own account of use of the workspace's IDE on its published port; empty when it does not
     * answer. Asking does not count as use.
     */
    java.util.Optional<IdeHeartbeat> ideHeartbeat(io.kalpana.port.PortPair ports);

    /** Writes files below {@code /workspace}, owned by the workspace user, replacing files of the same path. */
    void writeFiles(WorkspaceId id, List<WorkspaceFile> files);

    /** The engine's host memory and CPUs; a {@code docker_unavailable} problem when the engine does not answer. */
    EngineInfo engineInfo();

    /**
     * Memory and CPU of the given workspaces' running containers, measured in parallel. Containers that are
     * gone, or did not answer within {@code timeout}, are missing from the result rather than failing it.
     */
    Map<WorkspaceId, ContainerUsage> usage(Collection<WorkspaceId> ids, Duration timeout);
}
