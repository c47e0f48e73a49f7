package io.kalpana.bridge.client;

/** Base of every failure the client reports; always the cause of a failed future. */
public class BridgeException extends RuntimeException {

    public BridgeException(String message) {
        super(message);
    }

    public BridgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
