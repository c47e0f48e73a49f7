package io.kalpana.workspace;

import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.runtime.WorkspaceSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Recognises a running workspace's container when it calls Kalpana: it presents the callback token it was started
 * with. Such a call acts for the workspace's owner, and only on what the called endpoint offers a workspace.
 */
@ApplicationScoped
public class WorkspaceCallers {

    private static final Logger LOG = Logger.getLogger(WorkspaceCallers.class.getName());

    private WorkspaceStates states;
    private WorkspaceSecretStore secrets;

    /** For the CDI proxy only. */
    protected WorkspaceCallers() {
    }

    @Inject
    public WorkspaceCallers(WorkspaceStates states, WorkspaceSecretStore secrets) {
        this.states = states;
        this.secrets = secrets;
    }

    /**
     * The owner of running workspace {@code id} when {@code presented} is its container's callback token; 404 when no
     * such workspace runs, 401 when the token is another.
     */
    public Username ownerFor(WorkspaceId id, String presented) {
        Optional<Username> owner = states.ownerIfRunning(id);
        Optional<WorkspaceSecrets> known = owner.flatMap(running -> secrets.of(id));
        if (known.isEmpty()) {
            throw KalpanaException.notFound("workspace_not_running", "No workspace " + id + " is running");
        }
        if (!known.get().callbackToken().matches(presented)) {
            LOG.warning(() -> "workspace=" + id + " a call with a wrong workspace token was refused");
            throw KalpanaException.unauthenticated("invalid_workspace_token",
                    "Send 'Authorization: Bearer <the KALPANA_CALLBACK_TOKEN of this workspace's container>'");
        }
        return owner.get();
    }
}
