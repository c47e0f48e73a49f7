package io.kalpana.web.problem;

import java.util.Map;
import java.util.Optional;

/**
 * The error code and message for an HTTP status that the container or JAX-RS produced on its own, so the
 * API says the same thing whichever of the two turned the request down.
 */
record HttpStatusProblem(String code, String message) {

    private static final Map<Integer, HttpStatusProblem> KNOWN = Map.of(
            400, new HttpStatusProblem("bad_request", "The request is malformed"),
            401, new HttpStatusProblem("unauthenticated", "Sign in first"),
            403, new HttpStatusProblem("forbidden", "You are not allowed to do this"),
            404, new HttpStatusProblem("not_found", "There is nothing at this address"),
            405, new HttpStatusProblem("method_not_allowed", "This address does not accept that method"),
            406, new HttpStatusProblem("not_acceptable", "This address answers in application/json only"),
            413, new HttpStatusProblem("payload_too_large", "The request body is too large"),
            415, new HttpStatusProblem("unsupported_media_type", "Send the body as application/json"),
            500, new HttpStatusProblem("internal_error", "Something went wrong on Kalpana's side; nothing you sent was lost"));

    static Optional<HttpStatusProblem> of(int status) {
        return Optional.ofNullable(KNOWN.get(status));
    }
}
