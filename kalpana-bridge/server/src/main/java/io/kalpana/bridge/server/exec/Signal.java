package io.kalpana.bridge.server.exec;

/** Signals the bridge sends to process groups. */
public enum Signal {
    INT,
    KILL
}
