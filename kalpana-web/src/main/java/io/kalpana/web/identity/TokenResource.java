package io.kalpana.web.identity;

import io.kalpana.identity.IssuedToken;
import io.kalpana.identity.TokenService;
import io.kalpana.problem.KalpanaException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Exchanges a username and password for a signed API token. */
@Path("tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    TokenService tokens;

    public record TokenRequest(String username, String password) {
    }

    public record TokenResponse(String token, String expiresAt) {
    }

    @POST
    @Operation(summary = "Issue an API token for a username and password")
    public TokenResponse issue(TokenRequest request) {
        if (request == null || request.username() == null || request.password() == null) {
            throw KalpanaException.invalid("missing_credentials", "Send {\"username\": ..., \"password\": ...}");
        }
        IssuedToken token = tokens.issue(request.username(), request.password().toCharArray());
        return new TokenResponse(token.token(), token.expiresAt().toString());
    }
}
