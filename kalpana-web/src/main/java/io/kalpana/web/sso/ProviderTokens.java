package io.kalpana.web.sso;

import io.kalpana.config.KalpanaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.kalpana.identity.TokenRefusal.of;

/**
 * Checks tokens the provider signed: signature against its published keys, issuer, lifetime, audience, and the
 * kind of token. An access token for the API audience opens the API; an ID token never does, whatever its audience.
 */
@ApplicationScoped
public class ProviderTokens {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Inject
    KalpanaConfig config;

    @Inject
    OpenIdProvider provider;

    Clock clock = Clock.systemUTC();

    /** Whether a token claims to come from the provider, judged before any check so it reaches the right checker. */
    public boolean claimsToBeFromProvider(String token) {
        String issuer = SignedJwt.unverifiedIssuer(token);
        // Kalpana's own tokens, the usual case, never cost a look at the provider's metadata.
        return config.oidcProviderUri().isPresent() && !issuer.equals(config.tokenIssuer())
                && issuer.equals(provider.metadata().issuer());
    }

    public JsonObject accessToken(String token) {
        JsonObject claims = verified(token);
        String typ = claims.getString("typ", "");
        if ("ID".equalsIgnoreCase(typ)) {
            throw of("it is an ID token; the API takes access tokens for audience '" + config.oidcApiAudience() + "'");
        }
        if (!typ.isEmpty() && !"Bearer".equalsIgnoreCase(typ)) {
            throw of("it is a '" + typ + "' token, not an access token");
        }
        if (!audienceIncludes(claims, config.oidcApiAudience())) {
            throw of("it is not meant for Kalpana's API (its audience does not include '"
                    + config.oidcApiAudience() + "')");
        }
        return claims;
    }

    JsonObject idToken(String token, String expectedNonce) {
        JsonObject claims = verified(token);
        if (!audienceIncludes(claims, config.oidcClientId())) {
            throw of("the ID token is not for client '" + config.oidcClientId() + "'");
        }
        String typ = claims.getString("typ", "ID");
        if (!"ID".equalsIgnoreCase(typ)) {
            throw of("a '" + typ + "' token came where the ID token belongs");
        }
        if (!expectedNonce.equals(claims.getString("nonce", ""))) {
            throw of("the ID token's nonce does not belong to this sign-in");
        }
        return claims;
    }

    private JsonObject verified(String token) {
        SignedJwt jwt = SignedJwt.parse(token);
        JwsAlgorithm algorithm = JwsAlgorithm.named(jwt.algorithm())
                .orElseThrow(() -> of("algorithm " + jwt.algorithm() + " is not accepted"));
        PublicKey key = provider.signingKey(jwt.keyId())
                .orElseThrow(() -> of("it is signed with key '" + jwt.keyId() + "', which the identity provider does not publish"));
        if (!jwt.signedBy(algorithm, key)) {
            throw of("its signature does not match");
        }
        JsonObject claims = jwt.claims();
        String issuer = provider.metadata().issuer();
        if (!issuer.equals(claims.getString("iss", ""))) {
            throw of("its issuer is not " + issuer);
        }
        Instant now = clock.instant();
        Instant expiresAt = instant(claims, "exp")
                .orElseThrow(() -> of("it has no expiry"));
        if (now.isAfter(expiresAt.plus(CLOCK_SKEW))) {
            throw of("it expired at " + expiresAt);
        }
        if (instant(claims, "nbf").filter(notBefore -> notBefore.isAfter(now.plus(CLOCK_SKEW))).isPresent()) {
            throw of("it is not valid yet");
        }
        return claims;
    }

    private static Optional<Instant> instant(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        return value instanceof JsonNumber number ? Optional.of(Instant.ofEpochSecond(number.longValue()))
                : Optional.empty();
    }

    static boolean audienceIncludes(JsonObject claims, String audience) {
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString single) {
            return single.getString().equals(audience);
        }
        if (aud != null && aud.getValueType() == JsonValue.ValueType.ARRAY) {
            return aud.asJsonArray().stream().anyMatch(item -> item instanceof JsonString s && s.getString().equals(audience));
        }
        return false;
    }
}
