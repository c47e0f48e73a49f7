package io.kalpana.web.workspace;

import io.kalpana.web.ManagedThreads;
import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.web.problem.PageMessages;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceLifecycle;
import io.kalpana.workspace.WorkspaceService;
import io.kalpana.workspace.WorkspaceStatus;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Serializable;

/**
 * One workspace's page: its state, Open IDE and the agent chat beside it. Another person's workspace, or a
 * malformed id, answers 404 like the API does.
 */
@Named
@ViewScoped
public class WorkspacePageBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WorkspaceService workspaces;

    @Inject
    transient WorkspaceLifecycle lifecycle;

    @Inject
    transient Caller caller;

    @Inject
    ManagedThreads threads;

    private String id;
    private Workspace workspace;

    /** Runs on every GET (f:viewAction), before anything renders, so a refused id never shows a half page. */
    public void load() throws IOException {
        try {
            workspace = workspaces.get(caller, new WorkspaceId(id));
        } catch (KalpanaException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            faces.responseComplete();
        }
    }

    public void start() {
        try {
            workspace = lifecycle.startInBackground(caller, workspace.id(), threads.executor());
            PageMessages.info("Starting '" + workspace.name() + "'…");
        } catch (RuntimeException e) {
            show(e);
            reload();
        }
    }

    public void reload() {
        try {
            workspace = workspaces.get(caller, workspace.id());
        } catch (RuntimeException e) {
            show(e);
        }
    }

    public Workspace getWorkspace() {
        return workspace;
    }

    public boolean isRunning() {
        return workspace != null && workspace.status() == WorkspaceStatus.RUNNING;
    }

    public boolean isStartable() {
        return workspace != null
                && (workspace.status() == WorkspaceStatus.STOPPED || workspace.status() == WorkspaceStatus.ERROR);
    }

    public String getUsername() {
        return caller.username().value();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    private void show(RuntimeException e) {
        PageMessages.failedOn(workspace.id(), "a workspace page action of " + caller.username(), e);
    }
}
