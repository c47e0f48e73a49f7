package io.kalpana.web.problem;

import io.kalpana.problem.KalpanaException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception that leaves an API resource becomes a JSON error with a fitting status. Unexpected
 * ones are logged with an id that the response repeats, so a report can be matched to the log line.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        Optional<KalpanaException> problem = Problems.explain(failure);
        if (problem.isPresent()) {
            KalpanaException known = problem.get();
            return respond(known.kind().httpStatus(), known.code(), known.getMessage());
        }
        WebApplicationException web = find(failure, WebApplicationException.class);
        if (web != null) {
            return fromWebApplication(web);
        }
        if (isMalformedBody(failure)) {
            return respond(400, "malformed_json", "The request body is not valid JSON of the expected shape");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + ": unexpected failure", failure);
        return respond(500, "internal_error", "Something went wrong on Kalpana's side (incident " + incident
                + "); nothing you sent was lost. Try again, or report the incident id.");
    }

    private static Response fromWebApplication(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        if (isMalformedBody(web)) {
            return respond(400, "malformed_json", "The request body is not valid JSON of the expected shape");
        }
        String reason = web.getResponse().getStatusInfo().getReasonPhrase();
        return HttpStatusProblem.of(status)
                .map(known -> respond(status, known.code(), known.message()))
                .orElseGet(() -> respond(status, "http_" + status, reason));
    }

    private static boolean isMalformedBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("jakarta.json") || name.contains("JsonbException") || name.contains("JsonParsing")) {
                return true;
            }
        }
        return false;
    }

    public static Response respond(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorJson.of(code, message).toString()).build();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
