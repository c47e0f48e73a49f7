package io.kalpana.web.sso;

import io.kalpana.json.JsonFactory;
import io.kalpana.problem.KalpanaException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

/** A compact JWS split into its parts; nothing in it is trusted until {@link #signedBy} says so. */
final class SignedJwt {

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private final JsonObject header;
    private final JsonObject claims;
    private final String signingInput;
    private final String signature;

    private SignedJwt(JsonObject header, JsonObject claims, String signingInput, String signature) {
        this.header = header;
        this.claims = claims;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    static SignedJwt parse(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw TokenRefusal.of("it is not a signed JWT");
        }
        return new SignedJwt(json(parts[0]), json(parts[1]), parts[0] + "." + parts[1], parts[2]);
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
        try {
            return algorithm.verifies(key, signingInput.getBytes(StandardCharsets.US_ASCII), B64.decode(signature));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static JsonObject json(String encoded) {
        try (JsonReader reader = JsonFactory.reader(new String(B64.decode(encoded), StandardCharsets.UTF_8))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw TokenRefusal.of("it is not base64url-encoded JSON");
        }
    }

    /** One wording for every refusal, with the reason a client can act on. */
    static final class TokenRefusal {

        private TokenRefusal() {
        }

        static KalpanaException of(String why) {
            return KalpanaException.unauthenticated("invalid_token", "The bearer token was refused: " + why);
        }
    }
}
