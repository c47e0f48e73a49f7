package io.kalpana.web.workspace;

import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.NewWorkspace;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The caller's workspaces. Another person's workspace answers 404, exactly like a missing one. */
@Path("workspaces")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    @Inject
    WorkspaceService workspaces;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    public record CreateWorkspaceRequest(String name, String template, String repoUrl, String nixConfig) {
    }

    @GET
    @Operation(summary = "List my workspaces, newest first")
    public List<WorkspaceJson> list() {
        return workspaces.listOwn(caller).stream().map(this::json).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a workspace (stopped); only the name is required")
    public Response create(CreateWorkspaceRequest request) {
        if (request == null) {
            throw KalpanaException.invalid("missing_body", "Send {\"name\": ..., \"template\": ..., \"repoUrl\": ..., \"nixConfig\": ...}");
        }
        Workspace workspace = workspaces.create(caller,
                NewWorkspace.of(request.name(), request.template(), request.repoUrl(), request.nixConfig()));
        return Response.created(uri.getAbsolutePathBuilder().path(workspace.id().value()).build())
                .entity(json(workspace)).build();
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

    private WorkspaceJson json(Workspace workspace) {
        return WorkspaceJson.of(workspace, null);
    }
}
