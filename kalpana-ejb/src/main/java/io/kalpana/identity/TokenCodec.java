package io.kalpana.identity;

import io.kalpana.json.JsonFactory;
import io.kalpana.problem.KalpanaException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
        JwtSegments segments = JwtSegments.split(token);
        JsonObject header = segments.header();
        if (!"RS256".equals(header.getString("alg", ""))) {
            throw TokenRefusal.of("algorithm " + header.getString("alg", "none") + " is not accepted");
        }
        if (!segments.signedBy(keys.publicKey())) {
            throw TokenRefusal.of("signature does not match");
        }
        JsonObject claims = segments.payload();
        if (!issuer.equals(claims.getString("iss", ""))) {
            throw TokenRefusal.of("issuer " + claims.getString("iss", "none") + " is not " + issuer);
        }
        Instant now = clock.instant();
        Instant expiresAt = Instant.ofEpochSecond(number(claims, "exp"));
        Instant issuedAt = Instant.ofEpochSecond(number(claims, "iat"));
        if (now.isAfter(expiresAt.plus(CLOCK_SKEW))) {
            throw TokenRefusal.of("expired at " + expiresAt);
        }
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw TokenRefusal.of("issued in the future");
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
            throw TokenRefusal.of("subject is not a Kalpana username");
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

    private static long number(JsonObject claims, String name) {
        try {
            return claims.getJsonNumber(name).longValueExact();
        } catch (RuntimeException e) {
            throw TokenRefusal.of("claim '" + name + "' is missing or not a number");
        }
    }
}
