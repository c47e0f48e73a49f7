package io.kalpana.bridge.server;

import io.kalpana.bridge.protocol.ErrorCode;

/** An operation that could not be done for a reason the client should hear about; becomes an error reply. */
public class OperationFailedException extends RuntimeException {

    private final ErrorCode code;

    public OperationFailedException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public OperationFailedException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
