package io.kalpana.web.admin;

import io.kalpana.identity.Caller;
import io.kalpana.image.ImageCatalog;
import io.kalpana.image.ImageDraft;
import io.kalpana.image.ImageName;
import io.kalpana.image.ImageUsage;
import io.kalpana.image.WorkspaceImage;
import io.kalpana.problem.KalpanaException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The images workspaces may run, for administrators: the built-in one of each template (read only: they follow
 * {@code kalpana.workspace.image}) and the ones registered for teams, each with the number of workspaces on it.
 */
@Path("admin/images")
@Produces(MediaType.APPLICATION_JSON)
public class AdminImageResource {

    @Inject
    ImageCatalog images;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    /** Templates and groups empty: offered for every template, to everyone. */
    public record ImageRequest(String name, String reference, String description, List<String> templates,
                               List<String> groups) {
    }

    @GET
    @Operation(summary = "Every image, built-in ones first, with how many workspaces use each")
    public List<ImageJson> list() {
        return images.usage().stream().map(ImageJson::of).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One image, with how many workspaces use it")
    public ImageJson get(@PathParam("name") String name) {
        ImageName wanted = new ImageName(name);
        return images.usage().stream().filter(usage -> usage.image().name().equals(wanted)).findFirst()
                .map(ImageJson::of)
                .orElseThrow(() -> KalpanaException.notFound("image_not_found", "There is no image '" + wanted + "'"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an image: {\"name\", \"reference\", \"description\", \"templates\": [...],"
            + " \"groups\": [...]}; the Docker host must have (or be able to pull) the reference")
    public Response register(ImageRequest request) {
        ImageRequest body = required(request);
        WorkspaceImage registered = images.register(caller, new ImageName(body.name()), draft(body));
        return Response.created(uri.getAbsolutePathBuilder().path(registered.name().value()).build())
                .entity(ImageJson.of(new ImageUsage(registered, 0))).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a registered image; its workspaces run the new reference from their next start")
    public ImageJson update(@PathParam("name") String name, ImageRequest request) {
        ImageRequest body = required(request);
        ImageName target = new ImageName(name);
        if (body.name() != null && !new ImageName(body.name()).equals(target)) {
            throw KalpanaException.invalid("image_name_mismatch", "The body names image '" + body.name()
                    + "' but the path '" + target + "'; an image keeps its name");
        }
        images.update(caller, target, draft(body));
        return get(name);
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Forget a registered image; refused with their number while workspaces use it")
    public Response delete(@PathParam("name") String name) {
        images.delete(caller, new ImageName(name));
        return Response.noContent().build();
    }

    private static ImageRequest required(ImageRequest request) {
        if (request == null) {
            throw KalpanaException.invalid("missing_body", "Send {\"name\": ..., \"reference\": ..., \"description\": ...,"
                    + " \"templates\": [...], \"groups\": [...]}");
        }
        return request;
    }

    private static ImageDraft draft(ImageRequest request) {
        return ImageDraft.of(request.reference(), request.description(), request.templates(), request.groups());
    }
}
