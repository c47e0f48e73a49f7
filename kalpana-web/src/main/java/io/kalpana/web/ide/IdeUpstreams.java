package io.kalpana.web.ide;

import io.kalpana.config.KalpanaConfig;
import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.runtime.WorkspaceSecrets;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceDeleted;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceLifecycle;
import io.kalpana.workspace.WorkspaceService;
import io.kalpana.workspace.WorkspaceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/**
 * Finds the code-server behind a workspace for a caller: the same ownership check as the API (another person's
 * workspace does not exist), then its state, its published IDE port and Kalpana's session with it.
 */
@ApplicationScoped
public class IdeUpstreams {

    private static final Set<String> WILDCARD_ADDRESSES = Set.of("0.0.0.0", "::", "[::]");

    @Inject
    WorkspaceService workspaces;

    @Inject
    WorkspaceLifecycle lifecycle;

    @Inject
    KalpanaConfig config;

    @Inject
    CodeServerSignIn signIn;

    private final RecentUpstreams recent = new RecentUpstreams(System::nanoTime);

    /** The caller's way to this workspace's code-server; refused exactly as the API refuses. */
    public IdeUpstream resolve(Caller caller, WorkspaceId id) {
        Optional<IdeUpstream> known = recent.get(caller, id);
        if (known.isPresent()) {
            return known.get();
        }
        IdeUpstream upstream = lookUp(caller, id);
        recent.put(caller, upstream);
        return upstream;
    }

    /** code-server did not answer on the known port: the workspace stopped or moved, so ask the database again. */
    public void forget(WorkspaceId id) {
        recent.forget(id);
        signIn.forget(id);
    }

    void forgetDeleted(@Observes WorkspaceDeleted deleted) {
        forget(deleted.workspace());
    }

    private IdeUpstream lookUp(Caller caller, WorkspaceId id) {
        Workspace workspace = workspaces.get(caller, id);
        if (workspace.status() != WorkspaceStatus.RUNNING || workspace.ports().isEmpty()) {
            throw new WorkspaceNotRunning(workspace);
        }
        WorkspaceSecrets secrets = lifecycle.secretsOf(caller, id).orElseThrow(() -> KalpanaException.conflict(
                "ide_password_unknown", "Kalpana no longer knows this workspace's IDE password; stop and start it again"));
        String host = upstreamHost();
        int port = workspace.ports().get().ide().number();
        String origin = new IdeUpstream(id, workspace.name().value(), host, port, null).origin();
        CodeServerSession session = signIn.sessionFor(id, workspace.containerId().orElse("port-" + port), origin,
                secrets.idePassword());
        return new IdeUpstream(id, workspace.name().value(), host, port, session);
    }

    /** Published ports listen on the bind address; a wildcard one is reached where browsers would reach it. */
    private String upstreamHost() {
        String bind = config.portBindAddress();
        return WILDCARD_ADDRESSES.contains(bind) ? config.ideHost() : bind;
    }
}
