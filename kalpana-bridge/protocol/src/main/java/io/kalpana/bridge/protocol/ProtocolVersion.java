package io.kalpana.bridge.protocol;

/** Version of the wire protocol; bumped only for incompatible changes, additions keep the number. */
public record ProtocolVersion(int number) {

    public static final ProtocolVersion CURRENT = new ProtocolVersion(1);

    public ProtocolVersion {
        if (number < 1) {
            throw new IllegalArgumentException("protocol version must be >= 1, got " + number);
        }
    }

    public boolean isSupportedBy(ProtocolVersion server) {
        return number <= server.number;
    }
}
