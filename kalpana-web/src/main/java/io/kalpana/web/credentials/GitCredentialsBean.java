package io.kalpana.web.credentials;

import io.kalpana.credentials.GitCredential;
import io.kalpana.credentials.GitCredentialService;
import io.kalpana.credentials.GitHost;
import io.kalpana.credentials.MaskedGitCredential;
import io.kalpana.identity.Caller;
import io.kalpana.web.problem.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The dashboard's Git credentials section: add, replace and remove one's own, seeing tokens only masked. */
@Named
@ViewScoped
public class GitCredentialsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The section's form: its messages component shows the messages addressed to it. */
    private static final String MESSAGES = "gitCredentials";
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
            PageMessages.info(MESSAGES, "Git credential for " + saved.host() + " saved (" + saved.maskedToken() + ")");
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
            PageMessages.info(MESSAGES, "Git credential for " + removed + " removed");
            load();
        } catch (RuntimeException e) {
            show(e);
        }
    }

    public String updatedLabel(MaskedGitCredential credential) {
        return UPDATED.format(credential.updatedAt());
    }

    private void show(RuntimeException e) {
        PageMessages.failed(MESSAGES, "a Git credential action of " + caller.username(), e);
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
