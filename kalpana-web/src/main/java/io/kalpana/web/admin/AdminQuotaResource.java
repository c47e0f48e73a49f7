package io.kalpana.web.admin;

import io.kalpana.identity.Caller;
import io.kalpana.identity.UserService;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.quota.Quota;
import io.kalpana.quota.QuotaService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Optional;

/** One person's workspace quota, for administrators. */
@Path("admin/users/{username}/quota")
@Produces(MediaType.APPLICATION_JSON)
public class AdminQuotaResource {

    @Inject
    QuotaService quotas;

    @Inject
    UserService users;

    @Inject
    Caller caller;

    /** {@code custom}: false when the person has the defaults of the settings. */
    public record QuotaJson(String username, int maxRunning, int maxTotal, boolean custom) {
    }

    public record QuotaRequest(Integer maxRunning, Integer maxTotal) {
    }

    @GET
    @Operation(summary = "The quota that applies to the person")
    public QuotaJson get(@PathParam("username") String username) {
        return json(existing(username));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give the person their own quota: {\"maxRunning\": n, \"maxTotal\": n}")
    public QuotaJson set(@PathParam("username") String username, QuotaRequest request) {
        if (request == null || request.maxRunning() == null || request.maxTotal() == null) {
            throw KalpanaException.invalid("missing_body", "Send {\"maxRunning\": <number>, \"maxTotal\": <number>}");
        }
        Username user = existing(username);
        quotas.override(caller, user, Optional.of(new Quota(request.maxRunning(), request.maxTotal())));
        return json(user);
    }

    @DELETE
    @Operation(summary = "Let the person fall back to the default quota of the settings")
    public QuotaJson reset(@PathParam("username") String username) {
        Username user = existing(username);
        quotas.override(caller, user, Optional.empty());
        return json(user);
    }

    private Username existing(String username) {
        Username user = Username.of(username);
        if (!users.exists(user)) {
            throw KalpanaException.notFound("user_not_found", "There is no user '" + user + "'");
        }
        return user;
    }

    private QuotaJson json(Username user) {
        Quota effective = quotas.effectiveFor(user);
        return new QuotaJson(user.value(), effective.maxRunning(), effective.maxTotal(), quotas.override(user).isPresent());
    }
}
