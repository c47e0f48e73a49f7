package io.kalpana.web.sso;

import io.kalpana.problem.KalpanaException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider's keys: read once, read again for a rotated key, but not for every made-up key id. */
class ProviderKeysTest {

    private final Map<String, KeyPair> published = new LinkedHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void readsOnceAndAgainOnlyForAnUnknownKeyAfterTheMinimumInterval() throws Exception {
        published.put("first", rsa());
        ProviderKeys keys = new ProviderKeys(this::jwks, new MovableClock());

        assertEquals(published.get("first").getPublic(), keys.key("first").orElseThrow());
        assertTrue(keys.key("first").isPresent());
        assertEquals(1, reads.get(), "a known key costs no request");

        published.put("rotated", rsa());
        assertFalse(keys.key("made-up").isPresent());
        assertFalse(keys.key("rotated").isPresent(), "within the interval the document is not read again");
        assertEquals(1, reads.get());

        now = now.plus(Duration.ofSeconds(11));
        assertEquals(published.get("rotated").getPublic(), keys.key("rotated").orElseThrow());
        assertEquals(2, reads.get());
    }

    @Test
    void skipsKeysThatAreNotRsaSigningKeys() {
        JsonObject document = Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kid", "hmac").add("kty", "oct").add("k", "c2VjcmV0"))
                .add(Json.createObjectBuilder().add("kid", "broken").add("kty", "RSA").add("n", "***").add("e", "AQAB")))
                .build();
        assertTrue(ProviderKeys.signingKeys(document).isEmpty());
        assertTrue(ProviderKeys.signingKeys(Json.createObjectBuilder().build()).isEmpty());
    }

    @Test
    void readsEllipticCurveKeysOnTheCurvesJwsNamesAndSkipsOthers() throws Exception {
        KeyPair keys = JwsAlgorithmTest.keysFor(JwsAlgorithm.ES256);
        ECPoint point = ((ECPublicKey) keys.getPublic()).getW();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        JsonObject document = Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kid", "ec").add("kty", "EC").add("crv", "P-256")
                        .add("x", b64.encodeToString(unsigned(point.getAffineX(), 32)))
                        .add("y", b64.encodeToString(unsigned(point.getAffineY(), 32))))
                .add(Json.createObjectBuilder().add("kid", "koblitz").add("kty", "EC").add("crv", "secp256k1")
                        .add("x", "AA").add("y", "AA"))
                .add(Json.createObjectBuilder().add("kid", "encryption").add("kty", "EC").add("crv", "P-256").add("use", "enc")
                        .add("x", "AA").add("y", "AA"))).build();
        Map<String, PublicKey> read = ProviderKeys.signingKeys(document);
        assertEquals(Set.of("ec"), read.keySet());
        byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
        assertTrue(JwsAlgorithm.ES256.verifies(read.get("ec"), input, JwsAlgorithmTest.sign(JwsAlgorithm.ES256, keys, input)));
    }

    private static byte[] unsigned(BigInteger value, int size) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[size];
        int start = Math.max(0, bytes.length - size);
        System.arraycopy(bytes, start, out, size - (bytes.length - start), bytes.length - start);
        return out;
    }

    @Test
    void malformedTokensAreRefusedAsInvalidTokens() {
        for (String bad : new String[]{null, "", "a.b", "a.b.c.d", "!!!.e30.sig", "e30.!!!.sig"}) {
            KalpanaException refused = assertThrows(KalpanaException.class, () -> SignedJwt.parse(bad), String.valueOf(bad));
            assertEquals("invalid_token", refused.code());
        }
        assertEquals("", SignedJwt.unverifiedIssuer("not a token"));
    }

    @Test
    void audienceIsAStringOrAList() {
        assertTrue(ProviderTokens.audienceIncludes(Json.createObjectBuilder().add("aud", "kalpana-api").build(), "kalpana-api"));
        assertTrue(ProviderTokens.audienceIncludes(Json.createObjectBuilder().add("aud",
                Json.createArrayBuilder().add("account").add("kalpana-api")).build(), "kalpana-api"));
        assertFalse(ProviderTokens.audienceIncludes(Json.createObjectBuilder().add("aud",
                Json.createArrayBuilder().add("account")).build(), "kalpana-api"));
        assertFalse(ProviderTokens.audienceIncludes(Json.createObjectBuilder().build(), "kalpana-api"));
    }

    private JsonObject jwks() {
        reads.incrementAndGet();
        JsonArrayBuilder keys = Json.createArrayBuilder();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        published.forEach((kid, pair) -> {
            RSAPublicKey key = (RSAPublicKey) pair.getPublic();
            keys.add(Json.createObjectBuilder().add("kid", kid).add("kty", "RSA").add("use", "sig")
                    .add("n", b64.encodeToString(key.getModulus().toByteArray()))
                    .add("e", b64.encodeToString(key.getPublicExponent().toByteArray())));
        });
        return Json.createObjectBuilder().add("keys", keys).build();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private final class MovableClock extends Clock {

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
