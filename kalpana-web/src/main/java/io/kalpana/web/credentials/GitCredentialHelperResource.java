package io.kalpana.web.credentials;

import io.kalpana.credentials.CredentialHelperAnswers;
import io.kalpana.credentials.GitCredential;
import io.kalpana.credentials.GitHost;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.HashMap;
import java.util.Map;

/**
 * Where {@code git-credential-kalpana} inside a running workspace asks for its owner's credential, in git's own
 * credential format. Authenticated by the container's callback token alone (see the authentication mechanism); checked
 * again here, so that no other way into this method can get a token out.
 */
@Path("workspaces/{id}/git-credential")
public class GitCredentialHelperResource {

    private static final String BEARER = "Bearer ";
    private static final int MAX_FIELDS = 32;

    @Inject
    CredentialHelperAnswers answers;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "For the workspace's git credential helper: 'protocol=https\\nhost=...' → 'username=...\\npassword=...'"
            + " (Authorization: Bearer <the container's KALPANA_CALLBACK_TOKEN>)")
    public Response fill(@PathParam("id") String id, @HeaderParam("Authorization") String authorization, String body) {
        String token = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
        Map<String, String> asked = fields(body);
        if (!"https".equals(asked.get("protocol"))) {
            throw KalpanaException.notFound("git_credential_not_found", "Kalpana gives Git credentials for https only");
        }
        if (asked.get("host") == null) {
            throw KalpanaException.invalid("missing_host", "Send git's credential fields, at least 'protocol=https' and 'host=...'");
        }
        GitCredential credential = answers.answer(new WorkspaceId(id), token, GitHost.of(asked.get("host")));
        return Response.ok("username=" + credential.username() + "\npassword=" + credential.token().value() + "\n")
                .header("Cache-Control", "no-store").build();
    }

    /** git's credential format: {@code key=value} lines; the first value of a key counts. */
    private static Map<String, String> fields(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null) {
            return fields;
        }
        String[] lines = body.split("\n");
        if (lines.length > MAX_FIELDS) {
            throw KalpanaException.invalid("too_many_fields", "git asks with a few fields, not " + lines.length);
        }
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.putIfAbsent(line.substring(0, equals), line.substring(equals + 1).strip());
            }
        }
        return fields;
    }
}
