package io.kalpana.runtime;

/** What the container engine reports about its host: the memory and CPUs workspaces share. */
public record EngineInfo(long memoryBytes, int cpus, String serverVersion, int containersRunning) {
}
