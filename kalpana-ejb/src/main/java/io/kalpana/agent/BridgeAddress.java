package io.kalpana.agent;

import java.net.URI;

/** Where a workspace's bridge listens right now and the token it wants; both change with every start. */
public record BridgeAddress(URI endpoint, String token) {

    @Override
    public String toString() {
        return "BridgeAddress[" + endpoint + "]";
    }
}
