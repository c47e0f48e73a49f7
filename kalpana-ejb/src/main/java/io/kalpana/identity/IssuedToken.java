package io.kalpana.identity;

import java.time.Instant;

/** A signed API token and the moment it stops being accepted. */
public record IssuedToken(String token, Instant expiresAt) {
}
