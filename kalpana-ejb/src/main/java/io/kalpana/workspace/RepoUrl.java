package io.kalpana.workspace;

import io.kalpana.problem.KalpanaException;

import java.util.regex.Pattern;

/**
 * A Git repository to clone into a new workspace. Only plain https, ssh, git and file URLs (and
 * scp-like {@code user@host:path}) pass, because the value ends up on a git command line.
 */
public record RepoUrl(String value) {

    private static final int MAX_LENGTH = 2048;
    private static final Pattern URL = Pattern.compile("(https|ssh|git|file)://[^\\s]+");
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\\s]+");

    public RepoUrl {
        if (value == null || value.isBlank()) {
            throw KalpanaException.invalid("invalid_repo_url", "The repository URL is empty");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw KalpanaException.invalid("invalid_repo_url", "The repository URL is longer than " + MAX_LENGTH + " characters");
        }
        if (value.startsWith("-")) {
            throw KalpanaException.invalid("invalid_repo_url", "A repository URL cannot start with '-'");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw KalpanaException.invalid("invalid_repo_url", "A repository URL cannot contain control characters");
        }
        if (!URL.matcher(value).matches() && !SCP_LIKE.matcher(value).matches()) {
            throw KalpanaException.invalid("invalid_repo_url",
                    "Use an https://, ssh://, git:// or file:// URL (or user@host:path), not '" + value + "'");
        }
    }

    /** Accepts an optional form field: blank means no repository. */
    public static RepoUrl orNull(String typed) {
        return typed == null || typed.isBlank() ? null : new RepoUrl(typed);
    }

    @Override
    public String toString() {
        return value;
    }
}
