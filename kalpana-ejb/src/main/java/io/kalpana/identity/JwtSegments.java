package io.kalpana.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A compact JWS cut into its three base64url segments, decoded on demand: the header and the payload as JSON
 * objects, the signature checked as RS256 against a key. Nothing here decides whether a token is good: which
 * algorithms, keys, issuers and claims count is for the verifier holding it. A malformed segment is refused
 * ({@link TokenRefusal}) only when it is decoded, so a verifier that checks the signature first never parses an
 * unsigned payload.
 */
public record JwtSegments(String encodedHeader, String encodedPayload, String encodedSignature) {

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    /** Refuses anything but three dot-separated segments (empty ones included, they fail when decoded). */
    public static JwtSegments split(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw TokenRefusal.of("it is not a signed JWT");
        }
        return new JwtSegments(parts[0], parts[1], parts[2]);
    }

    public JsonObject header() {
        return json(encodedHeader);
    }

    public JsonObject payload() {
        return json(encodedPayload);
    }

    /** Whether the signature is SHA256withRSA by {@code key} over the first two segments as sent; false if undecodable. */
    public boolean signedBy(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((encodedHeader + "." + encodedPayload).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(B64.decode(encodedSignature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonObject json(String encoded) {
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(B64.decode(encoded), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw TokenRefusal.of("it is not base64url-encoded JSON");
        }
    }
}
