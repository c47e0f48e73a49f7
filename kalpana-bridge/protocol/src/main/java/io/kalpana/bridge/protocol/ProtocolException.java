package io.kalpana.bridge.protocol;

/** A message that does not follow the protocol; the server answers it with an error reply. */
public class ProtocolException extends RuntimeException {

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
