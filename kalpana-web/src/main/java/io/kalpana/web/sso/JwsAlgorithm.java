package io.kalpana.web.sso;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The signature algorithms accepted on the identity provider's tokens: the asymmetric ones of RFC 7518. Each
 * checks that the key is of its own kind, so a token cannot choose how the provider's key is used; "none" and the
 * shared-secret HMAC family are not here at all.
 */
enum JwsAlgorithm {
    RS256("SHA256withRSA", Kind.RSA, null, 0),
    RS384("SHA384withRSA", Kind.RSA, null, 0),
    RS512("SHA512withRSA", Kind.RSA, null, 0),
    PS256("RSASSA-PSS", Kind.RSA, new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1), 0),
    PS384("RSASSA-PSS", Kind.RSA, new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1), 0),
    PS512("RSASSA-PSS", Kind.RSA, new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1), 0),
    ES256("SHA256withECDSA", Kind.EC, null, 32),
    ES384("SHA384withECDSA", Kind.EC, null, 48),
    ES512("SHA512withECDSA", Kind.EC, null, 66);

    private enum Kind { RSA, EC }

    private final String jcaName;
    private final Kind kind;
    private final PSSParameterSpec pss;
    private final int ecCoordinateBytes;

    JwsAlgorithm(String jcaName, Kind kind, PSSParameterSpec pss, int ecCoordinateBytes) {
        this.jcaName = jcaName;
        this.kind = kind;
        this.pss = pss;
        this.ecCoordinateBytes = ecCoordinateBytes;
    }

    /** The algorithm a token's header names, if Kalpana accepts it. */
    static Optional<JwsAlgorithm> named(String alg) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.name().equals(alg)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code signature} over {@code input} was made with the private half of {@code key}. */
    boolean verifies(PublicKey key, byte[] input, byte[] signature) {
        boolean rightKind = kind == Kind.RSA ? key instanceof RSAPublicKey : key instanceof ECPublicKey;
        if (!rightKind) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(jcaName);
            if (pss != null) {
                verifier.setParameter(pss);
            }
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(kind == Kind.EC ? der(signature) : signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** JWS carries an ECDSA signature as R and S side by side; Java wants them as a DER sequence. */
    private byte[] der(byte[] concatenated) throws GeneralSecurityException {
        if (concatenated.length != 2 * ecCoordinateBytes) {
            throw new GeneralSecurityException("an " + name() + " signature has " + 2 * ecCoordinateBytes + " bytes");
        }
        byte[] r = integer(Arrays.copyOfRange(concatenated, 0, ecCoordinateBytes));
        byte[] s = integer(Arrays.copyOfRange(concatenated, ecCoordinateBytes, concatenated.length));
        byte[] body = new byte[r.length + s.length];
        System.arraycopy(r, 0, body, 0, r.length);
        System.arraycopy(s, 0, body, r.length, s.length);
        return tagged(0x30, body);
    }

    private static byte[] integer(byte[] unsigned) {
        return tagged(0x02, new BigInteger(1, unsigned).toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        byte[] length = content.length < 128 ? new byte[] {(byte) content.length}
                : content.length < 256 ? new byte[] {(byte) 0x81, (byte) content.length}
                : new byte[] {(byte) 0x82, (byte) (content.length >> 8), (byte) content.length};
        byte[] out = new byte[1 + length.length + content.length];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, content.length);
        return out;
    }
}
