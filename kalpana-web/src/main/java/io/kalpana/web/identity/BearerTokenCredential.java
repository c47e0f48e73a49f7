package io.kalpana.web.identity;

import jakarta.security.enterprise.credential.Credential;

/** A token taken from an {@code Authorization: Bearer} header, not yet checked. */
public record BearerTokenCredential(String token) implements Credential {
}
