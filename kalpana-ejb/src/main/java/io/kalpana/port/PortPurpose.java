package io.kalpana.port;

/** What a leased host port is published for. */
public enum PortPurpose {
    IDE,
    BRIDGE
}
