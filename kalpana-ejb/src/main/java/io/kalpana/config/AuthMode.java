package io.kalpana.config;

import java.util.Locale;

/** Who vouches for the people signing in: Kalpana's own accounts, or the company's OpenID provider. */
public enum AuthMode {
    LOCAL,
    OIDC;

    static AuthMode parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalStateException("kalpana.auth.mode is '" + value + "'; use 'local' or 'oidc'", e);
        }
    }
}
