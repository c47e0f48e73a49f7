package io.kalpana.identity;

import io.kalpana.json.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;


import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A compact JWS cut into its three base64url segments, decoded on demand: the header and the payload as JSON
 * objects, the signature as bytes or checked as RS256 against a key (Kalpana's own tokens). Nothing here decides whether a token is good: which
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
            verifier.update(signingInput());
            return verifier.verify(signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The bytes the signature covers: the first two segments as they were sent. */
    public byte[] signingInput() {
        return (encodedHeader + "." + encodedPayload).getBytes(StandardCharsets.US_ASCII);
    }

    /** The signature's bytes; none when the segment is not base64url, which no key verifies. */
    public byte[] signature() {
        try {
            return B64.decode(encodedSignature);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    private static JsonObject json(String encoded) {
        try (JsonReader reader = JsonFactory.reader(new String(B64.decode(encoded), StandardCharsets.UTF_8))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw TokenRefusal.of("it is not base64url-encoded JSON");
        }
    }
}
