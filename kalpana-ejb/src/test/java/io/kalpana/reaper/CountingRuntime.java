package io.kalpana.reaper;

import io.kalpana.port.PortPair;
import io.kalpana.runtime.ContainerState;
import io.kalpana.runtime.ExecResult;
import io.kalpana.runtime.IdeHeartbeat;
import io.kalpana.runtime.ManagedContainer;
import io.kalpana.runtime.StartListener;
import io.kalpana.runtime.StartedContainer;
import io.kalpana.runtime.WorkspaceFile;
import io.kalpana.runtime.WorkspaceLaunch;
import io.kalpana.runtime.WorkspaceRuntime;
import io.kalpana.workspace.WorkspaceId;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A runtime without Docker that counts container removals per workspace, remembers deleted volumes and answers
 * IDE heartbeats as told.
 */
public final class CountingRuntime implements WorkspaceRuntime {

    final Map<WorkspaceId, AtomicInteger> removals = new ConcurrentHashMap<>();
    final Map<Integer, IdeHeartbeat> heartbeats = new ConcurrentHashMap<>();
    volatile long removeMillis;
    public final java.util.Set<WorkspaceId> deletedVolumes = ConcurrentHashMap.newKeySet();

    @Override
    public void remove(WorkspaceId id) {
        removals.computeIfAbsent(id, any -> new AtomicInteger()).incrementAndGet();
        if (removeMillis > 0) {
            try {
                Thread.sleep(removeMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    int removalsOf(WorkspaceId id) {
        AtomicInteger count = removals.get(id);
        return count == null ? 0 : count.get();
    }

    @Override
    public Optional<IdeHeartbeat> ideHeartbeat(PortPair ports) {
        return Optional.ofNullable(heartbeats.get(ports.ide().number()));
    }

    @Override
    public List<ManagedContainer> listManaged() {
        return List.of();
    }

    @Override
    public StartedContainer start(WorkspaceLaunch launch, StartListener listener) {
        throw new UnsupportedOperationException("not started in these tests");
    }

    @Override
    public java.net.URI bridgeEndpoint(PortPair ports) {
        throw new UnsupportedOperationException("no bridge in these tests");
    }

    @Override
    public void removeContainer(String containerId) {
    }

    @Override
    public void deleteVolume(WorkspaceId id) {
        deletedVolumes.add(id);
    }

    @Override
    public boolean volumeExists(WorkspaceId id) {
        return true;
    }

    @Override
    public ContainerState inspect(WorkspaceId id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void ping() {
    }

    @Override
    public ExecResult exec(WorkspaceId id, List<String> command, Duration timeout, java.util.Map<String, String> environment) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void writeFiles(WorkspaceId id, List<WorkspaceFile> files) {
        throw new UnsupportedOperationException();
    }

    @Override
    public io.kalpana.runtime.EngineInfo engineInfo() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<WorkspaceId, io.kalpana.runtime.ContainerUsage> usage(java.util.Collection<WorkspaceId> ids, Duration timeout) {
        throw new UnsupportedOperationException();
    }
}
