package io.kalpana.web.sso;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwsAlgorithmTest {

    private static final byte[] INPUT = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void aSignatureOfTheRightKeyVerifiesAndATamperedOneDoesNot(JwsAlgorithm algorithm) throws Exception {
        KeyPair keys = keysFor(algorithm);
        byte[] signature = sign(algorithm, keys, INPUT);
        assertTrue(algorithm.verifies(keys.getPublic(), INPUT, signature));

        byte[] otherInput = INPUT.clone();
        otherInput[otherInput.length - 1] ^= 1;
        assertFalse(algorithm.verifies(keys.getPublic(), otherInput, signature), "changed claims");
        byte[] otherSignature = signature.clone();
        otherSignature[otherSignature.length / 2] ^= 1;
        assertFalse(algorithm.verifies(keys.getPublic(), INPUT, otherSignature), "changed signature");
        assertFalse(algorithm.verifies(keysFor(algorithm).getPublic(), INPUT, signature), "another key");
    }

    @Test
    void theKeyMustBeOfTheAlgorithmsKind() throws Exception {
        KeyPair rsa = keysFor(JwsAlgorithm.RS256);
        KeyPair ec = keysFor(JwsAlgorithm.ES256);
        assertFalse(JwsAlgorithm.ES256.verifies(rsa.getPublic(), INPUT, sign(JwsAlgorithm.RS256, rsa, INPUT)));
        assertFalse(JwsAlgorithm.RS256.verifies(ec.getPublic(), INPUT, sign(JwsAlgorithm.ES256, ec, INPUT)));
    }

    @Test
    void anEcdsaSignatureOfTheWrongLengthIsRefusedNotMisread() throws Exception {
        KeyPair ec = keysFor(JwsAlgorithm.ES256);
        byte[] signature = sign(JwsAlgorithm.ES256, ec, INPUT);
        assertFalse(JwsAlgorithm.ES256.verifies(ec.getPublic(), INPUT, Arrays.copyOf(signature, 63)));
        assertFalse(JwsAlgorithm.ES256.verifies(ec.getPublic(), INPUT, new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256", "HS512", "rs256", "RS1", "", "ES256K", "EdDSA"})
    void unsafeOrUnknownAlgorithmsAreNotAccepted(String alg) {
        assertTrue(JwsAlgorithm.named(alg).isEmpty(), alg);
    }

    static KeyPair keysFor(JwsAlgorithm algorithm) throws GeneralSecurityException {
        if (algorithm.name().startsWith("ES")) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(switch (algorithm) {
                case ES256 -> "secp256r1";
                case ES384 -> "secp384r1";
                default -> "secp521r1";
            }));
            return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** Signs as an identity provider does: JWS's R||S form for ECDSA. */
    static byte[] sign(JwsAlgorithm algorithm, KeyPair keys, byte[] input) throws GeneralSecurityException {
        String name = algorithm.name();
        int bits = Integer.parseInt(name.substring(2));
        Signature signer;
        if (name.startsWith("PS")) {
            signer = Signature.getInstance("RSASSA-PSS");
            String digest = "SHA-" + bits;
            signer.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), bits / 8, 1));
        } else {
            signer = Signature.getInstance("SHA" + bits + "with" + (name.startsWith("ES") ? "ECDSA" : "RSA"));
        }
        signer.initSign(keys.getPrivate());
        signer.update(input);
        byte[] signature = signer.sign();
        return name.startsWith("ES") ? concatenated(signature, bits == 512 ? 66 : bits / 8) : signature;
    }

    private static byte[] concatenated(byte[] der, int size) {
        int offset = der[1] == (byte) 0x81 ? 3 : 2;
        int rLength = der[offset + 1];
        byte[] r = Arrays.copyOfRange(der, offset + 2, offset + 2 + rLength);
        int sStart = offset + 2 + rLength;
        byte[] s = Arrays.copyOfRange(der, sStart + 2, sStart + 2 + der[sStart + 1]);
        byte[] out = new byte[2 * size];
        byte[] rFixed = fixed(r, size);
        byte[] sFixed = fixed(s, size);
        System.arraycopy(rFixed, 0, out, 0, size);
        System.arraycopy(sFixed, 0, out, size, size);
        return out;
    }

    private static byte[] fixed(byte[] integer, int size) {
        byte[] magnitude = new BigInteger(1, integer).toByteArray();
        int start = magnitude.length > size ? magnitude.length - size : 0;
        byte[] out = new byte[size];
        System.arraycopy(magnitude, start, out, size - (magnitude.length - start), magnitude.length - start);
        return out;
    }
}
