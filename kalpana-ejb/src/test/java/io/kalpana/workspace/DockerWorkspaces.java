package io.kalpana.workspace;

import io.kalpana.runtime.DockerTestSupport;
import io.kalpana.runtime.DockerWorkspaceRuntime;

import java.util.ArrayList;
import java.util.List;

/**
 * The store, the Docker runtime and the workspaces of one lifecycle test on the real engine: at the end every volume
 * the test's workspaces made is removed and the store closed, whatever failed on the way.
 */
final class DockerWorkspaces implements AutoCloseable {

    private final WorkspaceDocuments documents = new WorkspaceDocuments();
    private final DockerTestSupport docker = new DockerTestSupport();
    private final DockerWorkspaceRuntime runtime = new DockerWorkspaceRuntime(DockerTestSupport.settings());
    private final List<WorkspaceId> created = new ArrayList<>();

    WorkspaceDocuments documents() {
        return documents;
    }

    DockerTestSupport docker() {
        return docker;
    }

    DockerWorkspaceRuntime runtime() {
        return runtime;
    }

    /** The workspaces whose volumes go at the end; tests add the ones they make. */
    List<WorkspaceId> created() {
        return created;
    }

    @Override
    public void close() {
        try {
            for (WorkspaceId id : created) {
                try {
                    runtime.deleteVolume(id);
                } catch (RuntimeException ignored) {
                    // best effort: DockerTestSupport below reports what it cannot remove
                }
            }
            docker.close();
        } finally {
            runtime.close();
            documents.close();
        }
    }
}
