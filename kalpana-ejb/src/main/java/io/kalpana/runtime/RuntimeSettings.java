package io.kalpana.runtime;

import io.kalpana.config.KalpanaConfig;

import java.time.Duration;

/** The settings the Docker runtime reads once, typed, so tests and benchmarks can build them directly. */
public record RuntimeSettings(String dockerHost, Duration connectTimeout, Duration responseTimeout, String image,
                              String bindAddress, MemoryLimit memory, CpuLimit cpus, long pids,
                              Duration startTimeout) {

    public static RuntimeSettings from(KalpanaConfig config) {
        return new RuntimeSettings(config.dockerHost(), config.dockerConnectTimeout(), config.dockerResponseTimeout(),
                config.workspaceImage(), config.portBindAddress(), MemoryLimit.parse(config.workspaceMemory()),
                CpuLimit.parse(config.workspaceCpus()), config.workspacePids(), config.workspaceStartTimeout());
    }

    public RuntimeSettings withDockerHost(String host) {
        return new RuntimeSettings(host, connectTimeout, responseTimeout, image, bindAddress, memory, cpus, pids,
                startTimeout);
    }

    public RuntimeSettings withImage(String otherImage) {
        return new RuntimeSettings(dockerHost, connectTimeout, responseTimeout, otherImage, bindAddress, memory, cpus,
                pids, startTimeout);
    }

    public RuntimeSettings withStartTimeout(Duration timeout) {
        return new RuntimeSettings(dockerHost, connectTimeout, responseTimeout, image, bindAddress, memory, cpus, pids,
                timeout);
    }
}
