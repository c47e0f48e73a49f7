package io.kalpana.workspace;

import io.kalpana.audit.AuditLog;
import io.kalpana.identity.Caller;
import io.kalpana.identity.Username;
import io.kalpana.port.PortAllocator;
import io.kalpana.problem.KalpanaException;
import io.kalpana.quota.QuotaService;
import io.kalpana.store.DuplicateKey;
import io.kalpana.image.ImageCatalog;
import io.kalpana.image.ImageName;
import io.kalpana.image.WorkspaceImage;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/** Creating, finding and deleting workspaces, always on behalf of a caller who must own them. */
@Stateless
public class WorkspaceService {

    private static final Logger LOG = Logger.getLogger(WorkspaceService.class.getName());

    static final String UNFINISHED_DELETE = "delete finished after Kalpana went down in the middle of it";

    @Inject
    DocumentTemplate template;

    @Inject
    PortAllocator ports;

    @Inject
    AuditLog audit;

    @Inject
    WorkspaceLifecycle lifecycle;

    @Inject
    Event<WorkspaceDeleted> deleted;

    @Inject
    QuotaService quotas;

    @Inject
    ImageCatalog images;

    @Inject
    WorkspaceStates states;

    public Workspace create(Caller caller, NewWorkspace request) {
        WorkspaceImage image = images.choose(caller, request.template(), request.image());
        Workspace workspace = new Workspace(WorkspaceId.generate(), request.name(), caller.username(),
                request.template(), request.repoUrl(), request.nixConfig(), image.name(), Instant.now(Clock.systemUTC()));
        try {
            quotas.admitCreate(caller.username(), () -> template.insert(workspace));
        } catch (RuntimeException e) {
            if (DuplicateKey.isCauseOf(e)) {
                throw KalpanaException.conflict("workspace_name_taken",
                        "You already have a workspace named '" + request.name() + "'");
            }
            throw e;
        }
        audit.record(caller.username(), "workspace.create", "workspace:" + workspace.id(), "name=" + workspace.name());
        LOG.info(() -> "workspace=" + workspace.id() + " created by " + caller.username()
                + " template=" + workspace.template().id() + " image=" + image.name());
        return workspace;
    }

    /**
     * Moves a STOPPED workspace to another registered image, for admins: its volume, and so its files, stay, and its
     * next start runs the new image. A running one is refused, since its container runs the old image.
     */
    public Workspace moveToImage(Caller caller, WorkspaceId id, ImageName imageName) {
        if (!caller.isAdmin()) {
            throw KalpanaException.forbidden("admin_only", "Only admins move workspaces to another image");
        }
        Workspace workspace = get(caller, id);
        WorkspaceImage image = images.find(imageName).orElseThrow(() -> KalpanaException.invalid("unknown_image",
                "There is no image '" + imageName + "'"));
        ImageName before = workspace.image();
        if (!states.moveStoppedToImage(id, image.name())) {
            throw KalpanaException.conflict("workspace_not_stopped", "Workspace '" + workspace.name() + "' is "
                    + states.statusOf(id).map(Enum::name).orElse("gone") + "; stop it before moving it to another image");
        }
        audit.record(caller.username(), "workspace.image", "workspace:" + id, "from=" + before + " to=" + image.name());
        LOG.info(() -> "workspace=" + id + " moved from image " + before + " to " + image.name() + " by "
                + caller.username());
        return get(caller, id);
    }

    /** The caller's own workspaces, newest first. */
    public List<Workspace> listOwn(Caller caller) {
        return template.select(Workspace.class).where("owner").eq(caller.username().value())
                .orderBy("createdAt").desc().result();
    }

    /** The workspace, if the caller may see it; otherwise the same 404 as for one that does not exist. */
    public Workspace get(Caller caller, WorkspaceId id) {
        return template.find(Workspace.class, id.value())
                .filter(workspace -> caller.mayAccess(workspace.owner()))
                .orElseThrow(() -> KalpanaException.notFound("workspace_not_found", "There is no workspace '" + id + "'"));
    }

    /**
     * Deletes a STOPPED workspace whose retention ran out, for the reaper: audited as done by "system". The
     * status swap in {@link WorkspaceLifecycle#deleteResources} lets only one of racing deletes (or a start) act.
     */
    public void deleteBySystem(WorkspaceId id, String reason) {
        Workspace workspace = template.find(Workspace.class, id.value())
                .orElseThrow(() -> KalpanaException.notFound("workspace_not_found", "There is no workspace '" + id + "'"));
        if (workspace.status() != WorkspaceStatus.STOPPED) {
            throw KalpanaException.conflict("workspace_busy", "Workspace '" + workspace.name() + "' is "
                    + workspace.status() + " and is not deleted");
        }
        lifecycle.deleteResources(id);
        forget(workspace, null, "owner=" + workspace.owner() + " name=" + workspace.name() + " reason=" + reason);
        LOG.info(() -> "workspace=" + id + " of " + workspace.owner() + " deleted by the reaper: " + reason);
    }

    /**
     * Finishes the deletes that Kalpana accepted but had not finished when it went down (at startup, after the
     * reconciliation): the person who asked was never told otherwise, so the workspace must not come back. One
     * that cannot be finished now (the engine is away) is left in ERROR with the reason, to be deleted again.
     */
    public int finishUnfinishedDeletes() {
        int finished = 0;
        for (WorkspaceId id : lifecycle.unfinishedDeletes()) {
            Workspace workspace = template.find(Workspace.class, id.value()).orElse(null);
            if (workspace == null) {
                continue;
            }
            try {
                lifecycle.resumeDelete(id);
            } catch (KalpanaException e) {
                LOG.warning(() -> "workspace=" + id + " unfinished delete could not be finished: " + e.getMessage());
                continue;
            }
            forget(workspace, null, "owner=" + workspace.owner() + " name=" + workspace.name()
                    + " reason=" + UNFINISHED_DELETE);
            finished++;
            LOG.info(() -> "workspace=" + id + " of " + workspace.owner() + " deleted: " + UNFINISHED_DELETE);
        }
        return finished;
    }

    /** Answers the workspace as it was, for the caller to name it. */
    public Workspace delete(Caller caller, WorkspaceId id) {
        Workspace workspace = get(caller, id);
        if (workspace.status() != WorkspaceStatus.STOPPED && workspace.status() != WorkspaceStatus.ERROR) {
            throw KalpanaException.conflict("workspace_busy",
                    "Workspace '" + workspace.name() + "' is " + workspace.status() + "; stop it before deleting it");
        }
        lifecycle.deleteResources(id);
        forget(workspace, caller.username(), "name=" + workspace.name());
        LOG.info(() -> "workspace=" + id + " deleted by " + caller.username());
        return workspace;
    }

    /** The record, leases and conversation of a workspace whose container and volume are gone already. */
    private void forget(Workspace workspace, Username actor, String detail) {
        WorkspaceId id = workspace.id();
        ports.release(id.value());
        template.delete(Workspace.class, id.value());
        deleted.fire(new WorkspaceDeleted(id));
        audit.record(actor, "workspace.delete", "workspace:" + id, detail);
    }
}
