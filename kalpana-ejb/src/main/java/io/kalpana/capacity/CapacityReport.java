package io.kalpana.capacity;

import io.kalpana.port.PortCapacity;
import io.kalpana.workspace.WorkspaceStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the capacity section shows. Ports and workspace counts come from the database on every call;
 * {@code engine} may be a few seconds old (see {@link CapacityService}). {@code memoryFit} is empty when the
 * engine did not answer.
 */
public record CapacityReport(PortCapacity ports, List<PortHolder> portMap, Map<WorkspaceStatus, Long> workspaces,
                             EngineView engine, List<ContainerLoad> containers, Optional<MemoryFit> memoryFit) {

    public long running() {
        return workspaces.getOrDefault(WorkspaceStatus.RUNNING, 0L);
    }

    public long stopped() {
        return workspaces.getOrDefault(WorkspaceStatus.STOPPED, 0L);
    }

    public int fitByPorts() {
        return ports.workspacesThatFit();
    }
}
