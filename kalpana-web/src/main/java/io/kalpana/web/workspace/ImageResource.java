package io.kalpana.web.workspace;

import io.kalpana.identity.Caller;
import io.kalpana.image.ImageCatalog;
import io.kalpana.workspace.WorkspaceTemplate;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The images the caller may pick for a new workspace of a template (the {@code image} of a create request). */
@Path("images")
@Produces(MediaType.APPLICATION_JSON)
public class ImageResource {

    @Inject
    ImageCatalog images;

    @Inject
    Caller caller;

    public record OfferedImageJson(String name, String reference, String description, boolean builtIn) {
    }

    @GET
    @Operation(summary = "The images I may use for a new workspace of ?template= (default blank), its own first")
    public List<OfferedImageJson> offered(@QueryParam("template") String template) {
        return images.offeredTo(caller, WorkspaceTemplate.fromId(template)).stream()
                .map(image -> new OfferedImageJson(image.name().value(), image.reference().value(), image.description(),
                        image.builtIn()))
                .toList();
    }
}
