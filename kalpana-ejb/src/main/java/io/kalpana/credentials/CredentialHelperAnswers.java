package io.kalpana.credentials;

import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceCallers;
import io.kalpana.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Answers the git credential helper inside a running workspace ({@code git-credential-kalpana}): the owner's
 * credential for the host git asks about, to the container that proves it is that workspace's.
 */
@ApplicationScoped
public class CredentialHelperAnswers {

    private static final Logger LOG = Logger.getLogger(CredentialHelperAnswers.class.getName());

    private WorkspaceCallers callers;
    private GitCredentialService credentials;

    /** For the CDI proxy only. */
    protected CredentialHelperAnswers() {
    }

    @Inject
    public CredentialHelperAnswers(WorkspaceCallers callers, GitCredentialService credentials) {
        this.callers = callers;
        this.credentials = credentials;
    }

    /** 404 for a workspace that does not run and for a host the owner has no credential for; 401 for a wrong token. */
    public GitCredential answer(WorkspaceId id, String presentedToken, GitHost host) {
        Username owner = callers.ownerFor(id, presentedToken);
        GitCredential credential = credentials.lookup(owner, host).orElseThrow(() -> {
            LOG.info(() -> "workspace=" + id + " git asked for " + host + ", for which " + owner + " has no credential");
            return KalpanaException.notFound("git_credential_not_found", owner + " has no Git credential for " + host);
        });
        LOG.info(() -> "workspace=" + id + " git credential helper was given " + owner + "'s credential for " + host);
        return credential;
    }
}
