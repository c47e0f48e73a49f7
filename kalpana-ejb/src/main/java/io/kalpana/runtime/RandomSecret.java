package io.kalpana.runtime;

import java.security.SecureRandom;
import java.util.Base64;

/** 32 random bytes in URL-safe base64: safe in environment variables, headers and URLs alike. */
final class RandomSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecret() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
