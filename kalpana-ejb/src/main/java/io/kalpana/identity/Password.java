package io.kalpana.identity;

import io.kalpana.problem.KalpanaException;

/** Rules a new password must meet before it is hashed. */
public final class Password {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 256;

    private Password() {
    }

    public static char[] checkNew(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw KalpanaException.invalid("weak_password",
                    "A password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw KalpanaException.invalid("invalid_password",
                    "A password has at most " + MAX_LENGTH + " characters");
        }
        return password.toCharArray();
    }
}
