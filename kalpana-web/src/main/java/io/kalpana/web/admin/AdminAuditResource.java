package io.kalpana.web.admin;

import io.kalpana.audit.AuditEvent;
import io.kalpana.audit.AuditLog;
import io.kalpana.audit.AuditPage;
import io.kalpana.audit.AuditQuery;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Optional;

/** The audit log, newest first, for administrators. */
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    @Inject
    AuditLog audit;

    @JsonbNillable
    public record EventJson(String at, String actor, String action, String target, String detail) {

        static EventJson of(AuditEvent event) {
            return new EventJson(event.at().toString(), event.actor(), event.action(), event.target(), event.detail());
        }
    }

    public record AuditJson(long total, int offset, int limit, List<EventJson> events) {
    }

    @GET
    @Operation(summary = "Audit events newest first; filter by actor (substring, any case) and a time range "
            + "(from inclusive, to exclusive, ISO-8601 instants)")
    public AuditJson list(@QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("offset") @DefaultValue("0") String offset,
                          @QueryParam("limit") @DefaultValue("50") String limit) {
        AuditQuery query = new AuditQuery(Optional.ofNullable(actor), AuditQuery.parseInstant("from", from),
                AuditQuery.parseInstant("to", to), QueryNumbers.parse("offset", offset), QueryNumbers.parse("limit", limit));
        AuditPage page = audit.search(query);
        return new AuditJson(page.total(), query.offset(), query.limit(), page.events().stream().map(EventJson::of).toList());
    }
}
