package io.kalpana.web.credentials;

import io.kalpana.credentials.GitCredential;
import io.kalpana.credentials.GitCredentialService;
import io.kalpana.credentials.GitHost;
import io.kalpana.credentials.MaskedGitCredential;
import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.web.problem.Problems;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The dashboard's Git credentials section: add, replace and remove one's own, seeing tokens only masked. */
@Named
@ViewScoped
public class GitCredentialsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(GitCredentialsBean.class.getName());
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    transient GitCredentialService credentials;

    @Inject
    transient Caller caller;

    private List<MaskedGitCredential> mine = List.of();
    private String host;
    private String username;
    /** Held only until the save that sends it on; never rendered back (the field does not redisplay). */
    private String token;

    @PostConstruct
    void load() {
        try {
            mine = credentials.list(caller);
        } catch (RuntimeException e) {
            show(e);
        }
    }

    public void save() {
        try {
            MaskedGitCredential saved = credentials.put(caller, GitCredential.of(host, username, token));
            message(FacesMessage.SEVERITY_INFO, "Git credential for " + saved.host() + " saved (" + saved.maskedToken() + ")");
            host = null;
            username = null;
            load();
        } catch (RuntimeException e) {
            show(e);
        } finally {
            token = null;
        }
    }

    public void remove(String removed) {
        try {
            credentials.delete(caller, GitHost.of(removed));
            message(FacesMessage.SEVERITY_INFO, "Git credential for " + removed + " removed");
            load();
        } catch (RuntimeException e) {
            show(e);
        }
    }

    public String updatedLabel(MaskedGitCredential credential) {
        return UPDATED.format(credential.updatedAt());
    }

    private void show(RuntimeException e) {
        if (Problems.explain(e).isEmpty()) {
            LOG.log(Level.SEVERE, "workspace=* Git credential action failed for " + caller.username(), e);
        }
        message(FacesMessage.SEVERITY_ERROR, Problems.explain(e).map(KalpanaException::getMessage)
                .orElse("Something went wrong on Kalpana's side; nothing was changed. Try again."));
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage("gitCredentials", new FacesMessage(severity, text, null));
    }

    public List<MaskedGitCredential> getCredentials() {
        return mine;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getToken() {
        return null;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
