package io.kalpana.port;

/** The two host ports a workspace container publishes: its IDE and its agent bridge. */
public record PortPair(HostPort ide, HostPort bridge) {
}
