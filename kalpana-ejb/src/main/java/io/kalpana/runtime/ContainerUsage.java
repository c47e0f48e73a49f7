package io.kalpana.runtime;

import io.kalpana.workspace.WorkspaceId;

/**
 * One running workspace container's use, measured once: memory as Docker's CLI shows it (page cache that can
 * be reclaimed is not counted), its memory limit, and CPU as a percentage of one CPU (200 = two CPUs busy).
 */
public record ContainerUsage(WorkspaceId workspace, long memoryBytes, long memoryLimitBytes, double cpuPercent) {
}
