package io.kalpana.web.sso;

import io.kalpana.identity.JwtSegments;
import jakarta.json.JsonObject;

import java.security.PublicKey;

/** A compact JWS split into its parts; nothing in it is trusted until {@link #signedBy} says so. */
final class SignedJwt {

    private final JwtSegments segments;
    private final JsonObject header;
    private final JsonObject claims;

    private SignedJwt(JwtSegments segments) {
        this.segments = segments;
        this.header = segments.header();
        this.claims = segments.payload();
    }

    static SignedJwt parse(String token) {
        return new SignedJwt(JwtSegments.split(token));
    }

    /** The claims without any check: only to route a token to the party that can check it. */
    static String unverifiedIssuer(String token) {
        try {
            return parse(token).claims.getString("iss", "");
        } catch (RuntimeException notAJwt) {
            return "";
        }
    }

    JsonObject header() {
        return header;
    }

    JsonObject claims() {
        return claims;
    }

    String keyId() {
        return header.getString("kid", "");
    }

    String algorithm() {
        return header.getString("alg", "none");
    }

    /** Whether the provider's {@code key} made this signature with the algorithm the header names. */
    boolean signedBy(JwsAlgorithm algorithm, PublicKey key) {
        return algorithm.verifies(key, segments.signingInput(), segments.signature());
    }
}
