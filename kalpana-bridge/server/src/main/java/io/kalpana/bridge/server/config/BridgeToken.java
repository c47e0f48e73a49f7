package io.kalpana.bridge.server.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The workspace's shared secret. Compared in constant time; never printed. */
public final class BridgeToken {

    private final byte[] secret;

    public BridgeToken(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("bridge token must not be empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** MessageDigest.isEqual does not return early on the first differing byte, so timing leaks nothing. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BridgeToken[****]";
    }
}
