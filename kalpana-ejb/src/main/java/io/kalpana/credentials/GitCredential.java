package io.kalpana.credentials;

import io.kalpana.problem.KalpanaException;

/** What git needs to sign in to one host: a username and a token. Printing it never prints the token. */
public record GitCredential(GitHost host, String username, GitToken token) {

    private static final int MAX_USERNAME = 256;

    public GitCredential {
        if (host == null || token == null) {
            throw KalpanaException.invalid("invalid_git_credential", "A Git credential needs a host and a token");
        }
        if (username == null || username.isBlank()) {
            throw KalpanaException.invalid("invalid_git_username", "The Git username is empty");
        }
        username = username.strip();
        if (username.length() > MAX_USERNAME) {
            throw KalpanaException.invalid("invalid_git_username", "A Git username has at most " + MAX_USERNAME + " characters");
        }
        if (username.chars().anyMatch(Character::isISOControl)) {
            throw KalpanaException.invalid("invalid_git_username", "A Git username cannot contain line breaks or control characters");
        }
    }

    /** Builds one from typed values, each checked with a message naming what is wrong. */
    public static GitCredential of(String host, String username, String token) {
        return new GitCredential(GitHost.of(host), username, new GitToken(token));
    }

    public MaskedGitCredential masked(java.time.Instant updatedAt) {
        return new MaskedGitCredential(host, username, token.masked(), updatedAt);
    }

    @Override
    public String toString() {
        return "GitCredential[host=" + host + ", username=" + username + ", token=" + token.masked() + "]";
    }
}
