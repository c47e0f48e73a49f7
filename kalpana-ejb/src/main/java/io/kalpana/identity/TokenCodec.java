package io.kalpana.identity;

import io.kalpana.json.JsonFactory;
import io.kalpana.problem.KalpanaException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Signs and checks RS256 JSON Web Tokens in the MicroProfile JWT shape ({@code upn}, {@code groups}).
 * Every rejection is the same 401 to the caller; the reason goes to the log only.
 */
public final class TokenCodec {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString(
            "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SigningKeys keys;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    public TokenCodec(SigningKeys keys, String issuer, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public IssuedToken issue(Username subject, Set<Role> roles) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JsonArrayBuilder groups = JsonFactory.array();
        roles.stream().map(Role::roleName).sorted().forEach(groups::add);
        JsonObject claims = JsonFactory.object()
                .add("iss", issuer)
                .add("sub", subject.value())
                .add("upn", subject.value())
                .add("groups", groups)
                .add("iat", now.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build();
        String signingInput = HEADER + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return new IssuedToken(signingInput + "." + B64.encodeToString(sign(signingInput)), expiresAt);
    }

    public VerifiedToken verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw rejected("not a signed JWT");
        }
        JsonObject header = parse(parts[0]);
        if (!"RS256".equals(header.getString("alg", ""))) {
            throw rejected("algorithm " + header.getString("alg", "none") + " is not accepted");
        }
        if (!signatureValid(parts[0] + "." + parts[1], parts[2])) {
            throw rejected("signature does not match");
        }
        JsonObject claims = parse(parts[1]);
        if (!issuer.equals(claims.getString("iss", ""))) {
            throw rejected("issuer " + claims.getString("iss", "none") + " is not " + issuer);
        }
        Instant now = clock.instant();
        Instant expiresAt = Instant.ofEpochSecond(number(claims, "exp"));
        Instant issuedAt = Instant.ofEpochSecond(number(claims, "iat"));
        if (now.isAfter(expiresAt.plus(CLOCK_SKEW))) {
            throw rejected("expired at " + expiresAt);
        }
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw rejected("issued in the future");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        JsonValue groups = claims.get("groups");
        if (groups != null && groups.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue group : groups.asJsonArray()) {
                if (group instanceof JsonString name) {
                    for (Role role : Role.values()) {
                        if (role.roleName().equals(name.getString())) {
                            roles.add(role);
                        }
                    }
                }
            }
        }
        Username subject;
        try {
            subject = new Username(claims.getString("upn", claims.getString("sub", "")));
        } catch (KalpanaException invalid) {
            throw rejected("subject is not a Kalpana username");
        }
        return new VerifiedToken(claims.getString("jti", ""), issuer, subject, roles, issuedAt, expiresAt, token);
    }

    private byte[] sign(String input) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.privateKey());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private boolean signatureValid(String input, String encodedSignature) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(keys.publicKey());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return signature.verify(B64D.decode(encodedSignature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonObject parse(String encoded) {
        try (JsonReader reader = JsonFactory.reader(new String(B64D.decode(encoded), StandardCharsets.UTF_8))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw rejected("not valid base64url JSON");
        }
    }

    private static long number(JsonObject claims, String name) {
        try {
            return claims.getJsonNumber(name).longValueExact();
        } catch (RuntimeException e) {
            throw rejected("claim '" + name + "' is missing or not a number");
        }
    }

    private static KalpanaException rejected(String why) {
        return KalpanaException.unauthenticated("invalid_token", "The bearer token was refused: " + why);
    }
}
