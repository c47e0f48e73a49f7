package io.kalpana.bridge.protocol;

/** Client-chosen correlation id; every reply and stream event of a request carries it back. */
public record RequestId(String value) {

    public static final int MAX_LENGTH = 128;

    public RequestId {
        if (value == null || value.isBlank()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "request id must be a non-empty string");
        }
        if (value.length() > MAX_LENGTH) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "request id longer than " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
