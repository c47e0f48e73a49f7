package io.kalpana.agent;

/** A model call failed for good (after any retries); carries the failure the user is shown. */
final class ModelCallFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AgentFailure failure;

    ModelCallFailedException(AgentFailure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    AgentFailure failure() {
        return failure;
    }
}
