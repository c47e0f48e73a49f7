package io.kalpana.credentials;

import io.kalpana.problem.KalpanaException;

import java.util.List;

/**
 * The secret part of a Git credential (a personal access token or password). Never printed: {@link #toString()} and
 * {@link #masked()} show at most its last four characters, and none of a short one.
 */
public final class GitToken {

    private static final int MAX_LENGTH = 4096;
    private static final int SHORTEST_WITH_HINT = 12;
    private static final int HINT_LENGTH = 4;
    private static final String ELLIPSIS = "\u2026";
    /** Public type markers of well-known token kinds: they tell which token it is and reveal nothing of it. */
    private static final List<String> KNOWN_PREFIXES = List.of("github_pat_", "ghp_", "gho_", "ghu_", "ghs_", "glpat-");

    private final String value;

    public GitToken(String value) {
        if (value == null || value.isEmpty()) {
            throw KalpanaException.invalid("invalid_git_token", "The token is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw KalpanaException.invalid("invalid_git_token", "A token has at most " + MAX_LENGTH + " characters");
        }
        // A line break would end the value in git's credential protocol and let the rest pose as another field.
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw KalpanaException.invalid("invalid_git_token", "A token cannot contain line breaks or control characters");
        }
        if (!value.equals(value.strip())) {
            throw KalpanaException.invalid("invalid_git_token", "A token cannot start or end with blanks");
        }
        this.value = value;
    }

    /** The secret itself, for the encryption and for git; never for a log line, a page or an API answer. */
    public String value() {
        return value;
    }

    /** What a person may be shown: {@code ghp_…1234}; {@code …} alone for tokens shorter than twelve characters. */
    public String masked() {
        if (value.length() < SHORTEST_WITH_HINT) {
            return ELLIPSIS;
        }
        String prefix = KNOWN_PREFIXES.stream().filter(value::startsWith).findFirst().orElse("");
        return prefix + ELLIPSIS + value.substring(value.length() - HINT_LENGTH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GitToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "GitToken[" + masked() + "]";
    }
}
