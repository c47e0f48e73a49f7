package io.kalpana.web.credentials;

import io.kalpana.credentials.GitCredential;
import io.kalpana.credentials.GitCredentialService;
import io.kalpana.credentials.GitHost;
import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The caller's own Git credentials. Tokens go in and never come back out, except masked. */
@Path("me/git-credentials")
@Produces(MediaType.APPLICATION_JSON)
public class GitCredentialResource {

    @Inject
    GitCredentialService credentials;

    @Inject
    Caller caller;

    public record GitCredentialRequest(String username, String token) {
    }

    @GET
    @Operation(summary = "My Git credentials, tokens masked")
    public List<GitCredentialJson> list() {
        return credentials.list(caller).stream().map(GitCredentialJson::of).toList();
    }

    @PUT
    @Path("{host}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store my credential for a Git host (created or replaced): {\"username\": ..., \"token\": ...}")
    public GitCredentialJson put(@PathParam("host") String host, GitCredentialRequest request) {
        if (request == null || request.username() == null || request.token() == null) {
            throw KalpanaException.invalid("missing_body", "Send {\"username\": <Git username>, \"token\": <token or password>}");
        }
        return GitCredentialJson.of(credentials.put(caller, GitCredential.of(host, request.username(), request.token())));
    }

    @DELETE
    @Path("{host}")
    @Operation(summary = "Forget my credential for a Git host")
    public Response delete(@PathParam("host") String host) {
        credentials.delete(caller, GitHost.of(host));
        return Response.noContent().build();
    }
}
