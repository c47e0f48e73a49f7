package io.kalpana.web.sso;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The provider's signing keys by key id, read from its JWKS document. A token signed with a key id not seen
 * yet makes it read the document again (the provider rotated its keys), at most every few seconds so that
 * tokens with made-up key ids cannot turn Kalpana into a flood of requests to the provider.
 */
final class ProviderKeys {

    private static final Logger LOG = Logger.getLogger(ProviderKeys.class.getName());
    private static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);

    private final Supplier<JsonObject> jwks;
    private final Clock clock;
    private Map<String, PublicKey> keys = Map.of();
    private Instant lastRead = Instant.MIN;

    ProviderKeys(Supplier<JsonObject> jwks, Clock clock) {
        this.jwks = jwks;
        this.clock = clock;
    }

    synchronized Optional<PublicKey> key(String keyId) {
        PublicKey known = keys.get(keyId);
        if (known != null) {
            return Optional.of(known);
        }
        Instant now = clock.instant();
        if (lastRead.equals(Instant.MIN) || now.isAfter(lastRead.plus(MIN_REFRESH_INTERVAL))) {
            lastRead = now;
            keys = signingKeys(jwks.get());
            LOG.info(() -> "read the identity provider's signing keys: " + keys.keySet());
        }
        return Optional.ofNullable(keys.get(keyId));
    }

    /** The provider's signature keys by key id: RSA, and EC on the curves JWS names; others are skipped. */
    static Map<String, PublicKey> signingKeys(JsonObject document) {
        Map<String, PublicKey> result = new HashMap<>();
        JsonValue list = document.get("keys");
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            return result;
        }
        for (JsonValue value : list.asJsonArray()) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject key = value.asJsonObject();
            if ("enc".equals(key.getString("use", "sig"))) {
                continue;
            }
            try {
                publicKey(key).ifPresent(usable -> result.put(key.getString("kid", ""), usable));
            } catch (GeneralSecurityException | RuntimeException unusable) {
                LOG.warning(() -> "skipped an unusable key of the identity provider: " + unusable);
            }
        }
        return result;
    }

    private static Optional<PublicKey> publicKey(JsonObject key) throws GeneralSecurityException {
        Base64.Decoder b64 = Base64.getUrlDecoder();
        switch (key.getString("kty", "")) {
            case "RSA":
                return Optional.of(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, b64.decode(key.getString("n"))), new BigInteger(1, b64.decode(key.getString("e"))))));
            case "EC":
                String curve = switch (key.getString("crv", "")) {
                    case "P-256" -> "secp256r1";
                    case "P-384" -> "secp384r1";
                    case "P-521" -> "secp521r1";
                    default -> throw new GeneralSecurityException("curve '" + key.getString("crv", "") + "' is not supported");
                };
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec(curve));
                ECPoint point = new ECPoint(new BigInteger(1, b64.decode(key.getString("x"))),
                        new BigInteger(1, b64.decode(key.getString("y"))));
                return Optional.of(KeyFactory.getInstance("EC").generatePublic(
                        new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class))));
            default:
                return Optional.empty();
        }
    }
}
