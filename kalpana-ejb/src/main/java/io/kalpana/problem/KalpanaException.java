package io.kalpana.problem;

import jakarta.ejb.ApplicationException;

/**
 * A failure with a stable machine code and a message written for the person who caused or met it.
 * Marked as an application exception so EJB calls hand it to the caller unwrapped and roll back.
 */
@ApplicationException(inherited = true, rollback = true)
public class KalpanaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemKind kind;
    private final String code;

    public KalpanaException(ProblemKind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public KalpanaException(ProblemKind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public static KalpanaException invalid(String code, String message) {
        return new KalpanaException(ProblemKind.INVALID_INPUT, code, message);
    }

    public static KalpanaException notFound(String code, String message) {
        return new KalpanaException(ProblemKind.NOT_FOUND, code, message);
    }

    public static KalpanaException conflict(String code, String message) {
        return new KalpanaException(ProblemKind.CONFLICT, code, message);
    }

    public static KalpanaException forbidden(String code, String message) {
        return new KalpanaException(ProblemKind.FORBIDDEN, code, message);
    }

    public static KalpanaException unauthenticated(String code, String message) {
        return new KalpanaException(ProblemKind.UNAUTHENTICATED, code, message);
    }

    public static KalpanaException unavailable(String code, String message, Throwable cause) {
        return new KalpanaException(ProblemKind.UNAVAILABLE, code, message, cause);
    }

    public ProblemKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
