package io.kalpana.bridge.client;

import java.time.Duration;

/** No answer within the request's timeout; the request may still have taken effect on the bridge. */
public class BridgeTimeoutException extends BridgeException {

    public BridgeTimeoutException(String what, Duration timeout) {
        super(what + " got no answer within " + timeout.toMillis() + " ms");
    }
}
