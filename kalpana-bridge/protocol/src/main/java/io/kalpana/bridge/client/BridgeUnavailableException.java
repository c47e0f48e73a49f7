package io.kalpana.bridge.client;

/** The bridge could not be reached or the connection dropped before the answer; retrying may help. */
public class BridgeUnavailableException extends BridgeException {

    public BridgeUnavailableException(String message) {
        super(message);
    }

    public BridgeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
