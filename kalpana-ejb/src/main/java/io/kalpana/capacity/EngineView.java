package io.kalpana.capacity;

import io.kalpana.runtime.ContainerUsage;
import io.kalpana.runtime.EngineInfo;
import io.kalpana.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the Docker engine said at {@code measuredAt}: its host and the running containers' use, or, when it did
 * not answer, why not. {@code unmeasured} counts running workspaces whose stats did not come in time.
 */
public record EngineView(Optional<EngineInfo> engine, Optional<String> unreachable, Map<WorkspaceId, ContainerUsage> usage,
                         int unmeasured, Instant measuredAt) {

    static EngineView unreachable(String reason, Instant at) {
        return new EngineView(Optional.empty(), Optional.of(reason), Map.of(), 0, at);
    }

    public long totalMemoryBytes() {
        return usage.values().stream().mapToLong(ContainerUsage::memoryBytes).sum();
    }
}
