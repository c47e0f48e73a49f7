package io.kalpana.credentials;

import java.time.Instant;

/** A stored Git credential as its owner may see it: the token only masked ({@code ghp_…1234}). */
public record MaskedGitCredential(GitHost host, String username, String maskedToken, Instant updatedAt) {
}
