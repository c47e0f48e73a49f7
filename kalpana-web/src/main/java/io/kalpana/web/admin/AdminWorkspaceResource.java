package io.kalpana.web.admin;

import io.kalpana.identity.Caller;
import io.kalpana.image.ImageName;
import io.kalpana.problem.KalpanaException;
import io.kalpana.web.workspace.WorkspaceJson;
import io.kalpana.workspace.WorkspaceDirectory;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspacePage;
import io.kalpana.workspace.WorkspaceQuery;
import io.kalpana.workspace.WorkspaceRow;
import io.kalpana.workspace.WorkspaceService;
import io.kalpana.workspace.WorkspaceSortField;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Optional;

/**
 * Every person's workspaces, filtered, sorted and paged by the database: the same query as the admin
 * console's table. Stopping and deleting go through {@code /api/v1/workspaces/{id}}, which admins may use
 * on anyone's workspace.
 */
@Path("admin/workspaces")
@Produces(MediaType.APPLICATION_JSON)
public class AdminWorkspaceResource {

    @Inject
    WorkspaceDirectory directory;

    @Inject
    WorkspaceService workspaces;

    @Inject
    Caller caller;

    public record MoveImageRequest(String image) {
    }

    @JsonbNillable
    public record RowJson(String id, String name, String owner, String status, String statusReason, String template,
                          String image, Integer idePort, Integer bridgePort, String createdAt, String updatedAt) {

        static RowJson of(WorkspaceRow row) {
            return new RowJson(row.id().value(), row.name(), row.owner().value(), row.status().name(),
                    row.statusReason().orElse(null), row.template(), row.image(), row.idePort().orElse(null),
                    row.bridgePort().orElse(null), row.createdAt().toString(), row.updatedAt().toString());
        }
    }

    public record PageJson(long total, int offset, int limit, String sort, String order, List<RowJson> rows) {
    }

    @GET
    @Operation(summary = "All workspaces: filter by owner and name (substring, any case) and status; sort by name, "
            + "owner, status, template, createdAt or updatedAt; page with offset and limit (at most 500)")
    public PageJson list(@QueryParam("owner") String owner, @QueryParam("name") String name,
                         @QueryParam("status") String status,
                         @QueryParam("sort") @DefaultValue("createdAt") String sort,
                         @QueryParam("order") @DefaultValue("desc") String order,
                         @QueryParam("offset") @DefaultValue("0") String offset,
                         @QueryParam("limit") @DefaultValue("25") String limit) {
        WorkspaceQuery query = new WorkspaceQuery(Optional.ofNullable(owner), Optional.ofNullable(name),
                WorkspaceQuery.parseStatus(status), WorkspaceSortField.parse(sort), WorkspaceQuery.parseDescending(order),
                QueryNumbers.parse("offset", offset), QueryNumbers.parse("limit", limit));
        WorkspacePage page = directory.find(query);
        return new PageJson(page.total(), query.offset(), query.limit(), query.sortBy().apiName(),
                query.descending() ? "desc" : "asc", page.rows().stream().map(RowJson::of).toList());
    }

    @PUT
    @Path("{id}/image")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a stopped workspace to another image: {\"image\": name}; its files stay, its next"
            + " start runs the new image")
    public WorkspaceJson moveToImage(@PathParam("id") String id, MoveImageRequest request) {
        if (request == null || request.image() == null) {
            throw KalpanaException.invalid("missing_body", "Send {\"image\": <name of a registered image>}");
        }
        return WorkspaceJson.of(workspaces.moveToImage(caller, new WorkspaceId(id), new ImageName(request.image())),
                null);
    }
}
