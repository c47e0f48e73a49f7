package io.kalpana.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The bearer token with which a workspace's container asks Kalpana for things (its git credential helper), during one
 * container run. Separate from the bridge token because the IDE's terminals must have this one and must not have that.
 * Never printed.
 */
public record CallbackToken(String value) {

    public static CallbackToken generate() {
        return new CallbackToken(RandomSecret.next());
    }

    /** Compared in constant time, so the answer's timing says nothing about how much of a guess was right. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "CallbackToken[***]";
    }
}
