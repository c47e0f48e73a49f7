package io.kalpana.web.workspace;

import io.kalpana.web.ManagedThreads;
import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.reaper.ActivityRecorder;
import io.kalpana.workspace.CreatedButNotStarted;
import io.kalpana.workspace.NewWorkspace;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceLifecycle;
import io.kalpana.workspace.WorkspaceStatus;
import io.kalpana.workspace.WorkspaceService;
import io.kalpana.web.PublicAddress;
import io.kalpana.web.problem.ProblemMapper;
import io.kalpana.web.ide.IdePath;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.logging.Logger;

/** The caller's workspaces. Another person's workspace answers 404, exactly like a missing one. */
@Path("workspaces")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    private static final Logger LOG = Logger.getLogger(WorkspaceResource.class.getName());

    @Inject
    WorkspaceService workspaces;

    @Inject
    Caller caller;

    @Inject
    WorkspaceLifecycle lifecycle;


    @Inject
    ActivityRecorder activity;

    @Inject
    ManagedThreads threads;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @Inject
    PublicAddress address;

    /** {@code image}: one of GET /api/v1/images?template=...; absent for the template's own. */
    public record CreateWorkspaceRequest(String name, String template, String repoUrl, String nixConfig, String image) {
    }

    @GET
    @Operation(summary = "List my workspaces, newest first")
    public List<WorkspaceJson> list() {
        return workspaces.listOwn(caller).stream().map(this::json).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a workspace; only the name is required. Stopped, or with ?start=true started at once:"
            + " answers when its IDE is ready, or at once with 202 when also ?async=true. A workspace created whose start"
            + " is refused or fails is kept: the error names it and Location points at it")
    public Response create(CreateWorkspaceRequest request, @QueryParam("start") boolean start,
                           @QueryParam("async") boolean async) {
        if (request == null) {
            throw KalpanaException.invalid("missing_body", "Send {\"name\": ..., \"template\": ..., \"repoUrl\": ..., \"nixConfig\": ..., \"image\": ...}");
        }
        if (async && !start) {
            throw KalpanaException.invalid("async_without_start", "?async=true only applies with ?start=true: a workspace"
                    + " that is only created is ready at once");
        }
        NewWorkspace wanted = NewWorkspace.of(request.name(), request.template(), request.repoUrl(), request.nixConfig(),
                request.image());
        try {
            if (!start) {
                return created(workspaces.create(caller, wanted), Response.Status.CREATED);
            }
            if (async) {
                return created(lifecycle.createAndStartInBackground(caller, wanted, threads.executor()), Response.Status.ACCEPTED);
            }
            return created(lifecycle.createAndStart(caller, wanted).workspace(), Response.Status.CREATED);
        } catch (CreatedButNotStarted e) {
            return Response.fromResponse(ProblemMapper.respond(e.kind().httpStatus(), e.code(), e.getMessage()))
                    .location(location(e.workspace())).build();
        }
    }

    private Response created(Workspace workspace, Response.Status status) {
        return Response.status(status).location(location(workspace)).entity(json(workspace)).build();
    }

    private URI location(Workspace workspace) {
        return uri.getBaseUriBuilder().path("workspaces").path(workspace.id().value()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my workspaces")
    public WorkspaceJson get(@PathParam("id") String id) {
        return json(workspaces.get(caller, new WorkspaceId(id)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a stopped workspace and everything in it")
    public Response delete(@PathParam("id") String id) {
        workspaces.delete(caller, new WorkspaceId(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "Start a workspace; answers when its IDE is ready, or at once with 202 when ?async=true")
    public Response start(@PathParam("id") String id, @QueryParam("async") boolean async) {
        WorkspaceId workspaceId = new WorkspaceId(id);
        if (async) {
            Workspace workspace = lifecycle.startInBackground(caller, workspaceId, threads.executor());
            return Response.accepted(json(workspace)).location(location(workspace)).build();
        }
        return Response.ok(json(lifecycle.start(caller, workspaceId).workspace())).build();
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a workspace: its container goes, its files stay")
    public WorkspaceJson stop(@PathParam("id") String id) {
        return json(lifecycle.stop(caller, new WorkspaceId(id)));
    }

    @POST
    @Path("{id}/keep-running")
    @Operation(summary = "Keep a workspace the reaper warned about: counts as use of a running one, restarts the"
            + " retention period of a stopped one")
    public WorkspaceJson keepRunning(@PathParam("id") String id) {
        return json(activity.keepRunning(caller, new WorkspaceId(id)));
    }

    /** The IDE's address is its SSO-gated page on Kalpana's origin: published ports stay private to the host. */
    private WorkspaceJson json(Workspace workspace) {
        String ideUrl = workspace.status() == WorkspaceStatus.RUNNING
                ? address.base(request) + IdePath.entryPath("", workspace.id())
                : null;
        return WorkspaceJson.of(workspace, ideUrl);
    }
}
