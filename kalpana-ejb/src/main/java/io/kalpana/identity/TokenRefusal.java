package io.kalpana.identity;

import io.kalpana.problem.KalpanaException;

/** One wording and one code for every bearer token refused, Kalpana's own or an identity provider's. */
public final class TokenRefusal {

    private TokenRefusal() {
    }

    /** A 401 {@code invalid_token} whose message ends with {@code why}, the reason a client can act on. */
    public static KalpanaException of(String why) {
        return KalpanaException.unauthenticated("invalid_token", "The bearer token was refused: " + why);
    }
}
