package io.kalpana.identity;

import java.util.Locale;

/** What a person may do in Kalpana; the names are the security roles the web layer checks. */
public enum Role {
    USER,
    ADMIN;

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromRoleName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
