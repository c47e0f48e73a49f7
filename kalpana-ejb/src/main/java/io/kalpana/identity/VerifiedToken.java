package io.kalpana.identity;

import java.time.Instant;
import java.util.Set;

/** The claims of a token whose signature, issuer and lifetime were checked. */
public record VerifiedToken(String tokenId, String issuer, Username subject, Set<Role> roles,
                            Instant issuedAt, Instant expiresAt, String rawToken) {
}
