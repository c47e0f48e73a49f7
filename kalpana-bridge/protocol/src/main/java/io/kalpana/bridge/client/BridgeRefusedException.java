package io.kalpana.bridge.client;

import io.kalpana.bridge.protocol.ErrorCode;

/** The bridge answered with an error reply; {@link #code()} says why (e.g. path_outside_workspace). */
public class BridgeRefusedException extends BridgeException {

    private final ErrorCode code;

    public BridgeRefusedException(ErrorCode code, String message) {
        super(code.wireName() + ": " + message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
