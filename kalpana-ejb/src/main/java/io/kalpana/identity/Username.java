package io.kalpana.identity;

import io.kalpana.problem.KalpanaException;

import java.util.Locale;
import java.util.regex.Pattern;

/** A person's account name: lower-case, so that 'Alice' and 'alice' are one account. */
public record Username(String value) {

    private static final Pattern RULE = Pattern.compile("[a-z][a-z0-9._-]{1,62}");

    public Username {
        if (value == null || !RULE.matcher(value).matches()) {
            throw KalpanaException.invalid("invalid_username",
                    "A username is 2 to 63 characters: a letter first, then letters, digits, '.', '_' or '-'");
        }
    }

    /** Accepts what a person types: surrounding blanks and capitals are not part of the name. */
    public static Username of(String typed) {
        return new Username(typed == null ? null : typed.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
