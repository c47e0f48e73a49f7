package io.kalpana.web.workspace;

import io.kalpana.web.ManagedThreads;
import io.kalpana.identity.Caller;
import io.kalpana.image.ImageCatalog;
import io.kalpana.image.WorkspaceImage;
import io.kalpana.reaper.ActivityRecorder;
import io.kalpana.settings.SettingsService;
import io.kalpana.workspace.ActivitySignal;
import io.kalpana.workspace.ReaperWarningKind;
import io.kalpana.web.problem.PageMessages;
import io.kalpana.workspace.CreatedButNotStarted;
import io.kalpana.workspace.NewWorkspace;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceLifecycle;
import io.kalpana.workspace.WorkspaceService;
import io.kalpana.workspace.WorkspaceStatus;
import io.kalpana.workspace.WorkspaceTemplate;
import jakarta.annotation.PostConstruct;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** The dashboard: the signed-in person's workspaces and the create and delete actions. */
@Named
@ViewScoped
public class DashboardBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    transient WorkspaceService workspaces;

    @Inject
    transient Caller caller;

    @Inject
    transient WorkspaceLifecycle lifecycle;

    @Inject
    ManagedThreads threads;

    @Inject
    transient ActivityRecorder activity;

    @Inject
    transient SettingsService settings;

    @Inject
    transient ImageCatalog images;

    private List<Workspace> mine = List.of();
    private String newName;
    private String newTemplate = WorkspaceTemplate.BLANK.id();
    private String newRepoUrl;
    private String newNixConfig;
    private String newImage;
    private List<SelectItem> offeredImages = List.of();
    private boolean startNow = true;

    @PostConstruct
    void load() {
        refresh();
        templateChanged();
    }

    public void refresh() {
        try {
            mine = workspaces.listOwn(caller);
        } catch (RuntimeException e) {
            show(e);
        }
    }

    /**
     * The image menu follows the template: it offers what this person may run for it, preselecting the template's
     * built-in image (listed first), since an image chosen for another template may not fit this one.
     */
    public void templateChanged() {
        try {
            offeredImages = images.offeredTo(caller, WorkspaceTemplate.fromId(newTemplate)).stream()
                    .map(DashboardBean::imageItem).toList();
        } catch (RuntimeException e) {
            offeredImages = List.of();
            show(e);
        }
        newImage = offeredImages.isEmpty() ? null : (String) offeredImages.get(0).getValue();
    }

    private static SelectItem imageItem(WorkspaceImage image) {
        String name = image.name().value();
        return new SelectItem(name, name + " · " + image.reference().value(), image.description());
    }

    /** With "Start it now" (the default) the dialog closes at once and the live status shows the start's steps. */
    public void create() {
        try {
            NewWorkspace wanted = NewWorkspace.of(newName, newTemplate, newRepoUrl, newNixConfig, newImage);
            Workspace created = startNow ? lifecycle.createAndStartInBackground(caller, wanted, threads.executor())
                    : workspaces.create(caller, wanted);
            info("Workspace '" + created.name() + "' created" + (startNow ? "; starting it…" : ""));
        } catch (CreatedButNotStarted e) {
            // It exists: the dialog's job is done, and the table and the message say why it does not run.
            show(e);
        } catch (RuntimeException e) {
            show(e);
            return;
        }
        newName = null;
        newRepoUrl = null;
        newNixConfig = null;
        newTemplate = WorkspaceTemplate.BLANK.id();
        templateChanged();
        startNow = true;
        // The emptied fields must show: a menu still showing the last template would offer images the bean no
        // longer does, and the next create would fail as an invalid choice.
        PrimeFaces.current().ajax().update("create");
        PrimeFaces.current().executeScript("PF('createDialog').hide()");
        refresh();
    }

    /** Answers at once; the live status shows the start's steps and its end, so nobody stares at a frozen button. */
    public void start(String id) {
        try {
            Workspace starting = lifecycle.startInBackground(caller, new WorkspaceId(id), threads.executor());
            info(starting.status() == WorkspaceStatus.RUNNING ? "Workspace '" + starting.name() + "' is already running"
                    : "Starting '" + starting.name() + "'…");
        } catch (RuntimeException e) {
            show(e);
        }
        refresh();
    }

    public void stop(String id) {
        try {
            Workspace stopped = lifecycle.stop(caller, new WorkspaceId(id));
            info("Workspace '" + stopped.name() + "' stopped; its files are kept");
        } catch (RuntimeException e) {
            show(e);
        }
        refresh();
    }

    public void keepRunning(String id) {
        try {
            Workspace kept = activity.keepRunning(caller, new WorkspaceId(id));
            info(kept.status() == WorkspaceStatus.RUNNING
                    ? "Workspace '" + kept.name() + "' is kept running"
                    : "Workspace '" + kept.name() + "' is kept; it will not be deleted now");
        } catch (RuntimeException e) {
            show(e);
        }
        refresh();
    }

    /** Whether the row offers "Keep running": only for a warning that keeping can avert. */
    public boolean canKeep(Workspace workspace) {
        return workspace.warningKind().filter(ReaperWarningKind::avertable).isPresent();
    }

    /** Why the reaper counts a running workspace as in use: its last sign of use and when. */
    public String activityLabel(Workspace workspace) {
        return "Last activity: " + workspace.lastSignal().map(DashboardBean::signalLabel).orElse("created")
                + " at " + TIME.format(workspace.lastActivityAt());
    }

    public String activityHint(Workspace workspace) {
        String idle;
        try {
            idle = settings.current().idleTimeout().toMinutes() + " min";
        } catch (RuntimeException e) {
            idle = "a while";
        }
        return "A running workspace is stopped (its files kept) after " + idle + " without activity: editing in the"
                + " IDE, agent turns and commands all count. " + activityLabel(workspace) + ".";
    }

    private static String signalLabel(ActivitySignal signal) {
        return switch (signal) {
            case IDE -> "editor in use";
            case IDE_PROXY -> "IDE traffic";
            case AGENT_TURN -> "agent turn";
            case BRIDGE_COMMAND -> "command or file operation";
            case KEEP_RUNNING -> "you chose Keep running";
            case STARTED -> "started";
        };
    }

    public boolean canStart(Workspace workspace) {
        return workspace.status() == WorkspaceStatus.STOPPED || workspace.status() == WorkspaceStatus.ERROR;
    }

    public boolean canStop(Workspace workspace) {
        return workspace.status() == WorkspaceStatus.RUNNING || workspace.status() == WorkspaceStatus.STARTING
                || workspace.status() == WorkspaceStatus.ERROR;
    }

    public String createdLabel(Workspace workspace) {
        return CREATED.format(workspace.createdAt());
    }

    public boolean isRunning(Workspace workspace) {
        return workspace.status() == WorkspaceStatus.RUNNING;
    }

    public void delete(String id) {
        try {
            Workspace deleted = workspaces.delete(caller, new WorkspaceId(id));
            info("Workspace '" + deleted.name() + "' deleted with its files");
            refresh();
        } catch (RuntimeException e) {
            show(e);
        }
    }

    private void info(String text) {
        PageMessages.info(text);
    }

    private void show(RuntimeException e) {
        PageMessages.failed("a dashboard action of " + caller.username(), e);
    }

    /** What the table shows, for the live channel to tell whether it missed a change (see WorkspaceWatch). */
    public int getFingerprint() {
        return WorkspaceWatch.fingerprint(mine);
    }

    public List<Workspace> getWorkspaces() {
        return mine;
    }

    public String getUsername() {
        return caller.username().value();
    }

    public boolean isAdmin() {
        return caller.isAdmin();
    }

    public List<String> getTemplates() {
        return Arrays.stream(WorkspaceTemplate.values()).map(WorkspaceTemplate::id).toList();
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewTemplate() {
        return newTemplate;
    }

    public void setNewTemplate(String newTemplate) {
        this.newTemplate = newTemplate;
    }

    public List<SelectItem> getImages() {
        return offeredImages;
    }

    public String getNewImage() {
        return newImage;
    }

    public void setNewImage(String newImage) {
        this.newImage = newImage;
    }

    public String getNewRepoUrl() {
        return newRepoUrl;
    }

    public void setNewRepoUrl(String newRepoUrl) {
        this.newRepoUrl = newRepoUrl;
    }

    public String getNewNixConfig() {
        return newNixConfig;
    }

    public void setNewNixConfig(String newNixConfig) {
        this.newNixConfig = newNixConfig;
    }

    public boolean isStartNow() {
        return startNow;
    }

    public void setStartNow(boolean startNow) {
        this.startNow = startNow;
    }
}
