package io.kalpana.bridge.client;

/** The bridge closed the connection with 1008: the token is wrong. Retrying with the same token is pointless. */
public class BridgeAuthenticationException extends BridgeException {

    public BridgeAuthenticationException(String message) {
        super(message);
    }
}
