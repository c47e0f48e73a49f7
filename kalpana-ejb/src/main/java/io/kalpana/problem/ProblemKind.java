package io.kalpana.problem;

/** The classes of failure a caller can act on, each tied to the HTTP status that names it. */
public enum ProblemKind {
    INVALID_INPUT(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNAVAILABLE(503);

    private final int httpStatus;

    ProblemKind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
