package io.kalpana.identity;

import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtSegmentsTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = b64("{\"alg\":\"RS256\",\"kid\":\"k1\"}");
    private static final String PAYLOAD = b64("{\"iss\":\"kalpana\",\"sub\":\"alice\"}");

    private static KeyPair signer;
    private static KeyPair stranger;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        signer = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
    }

    @Test
    void decodesHeaderAndPayloadAndChecksTheSignatureOverBothAsSent() throws Exception {
        JwtSegments segments = JwtSegments.split(HEADER + "." + PAYLOAD + "." + sign(HEADER + "." + PAYLOAD));
        assertEquals("k1", segments.header().getString("kid"));
        assertEquals("alice", segments.payload().getString("sub"));
        assertTrue(segments.signedBy(signer.getPublic()));
        assertFalse(segments.signedBy(stranger.getPublic()), "another key's signature");
    }

    @Test
    void aSignatureThatIsWrongTamperedEmptyOrNotBase64IsNoSignature() throws Exception {
        String signature = sign(HEADER + "." + PAYLOAD);
        String otherPayload = b64("{\"iss\":\"kalpana\",\"sub\":\"mallory\"}");
        assertFalse(JwtSegments.split(HEADER + "." + otherPayload + "." + signature).signedBy(signer.getPublic()));
        assertFalse(JwtSegments.split(HEADER + "." + PAYLOAD + ".").signedBy(signer.getPublic()));
        assertFalse(JwtSegments.split(HEADER + "." + PAYLOAD + ".!!" + signature).signedBy(signer.getPublic()));
    }

    @Test
    void anythingButThreeSegmentsIsRefusedAtOnce() {
        for (String token : new String[] {null, "", "abc", "a.b", "a.b.c.d", "...."}) {
            assertRefused(() -> JwtSegments.split(token), "it is not a signed JWT", token);
        }
    }

    @Test
    void segmentsThatAreNotBase64urlJsonObjectsAreRefusedWhenDecoded() {
        String[] notJsonObjects = {"!!!", "e30=x", b64("not json"), b64("[1,2]"), b64("\"text\""), b64("{\"open\":"), ""};
        for (String bad : notJsonObjects) {
            JwtSegments badHeader = JwtSegments.split(bad + "." + PAYLOAD + ".sig");
            assertRefused(badHeader::header, "it is not base64url-encoded JSON", bad);
            assertEquals("alice", badHeader.payload().getString("sub"), "the other segment still decodes");
            JwtSegments badPayload = JwtSegments.split(HEADER + "." + bad + ".sig");
            assertRefused(badPayload::payload, "it is not base64url-encoded JSON", bad);
            assertEquals("k1", badPayload.header().getString("kid"), "so a verifier may check the header first");
        }
    }

    private static void assertRefused(Executable decode, String reason, String input) {
        KalpanaException refused = assertThrows(KalpanaException.class, decode, String.valueOf(input));
        assertEquals(ProblemKind.UNAUTHENTICATED, refused.kind());
        assertEquals("invalid_token", refused.code());
        assertEquals("The bearer token was refused: " + reason, refused.getMessage());
    }

    private static String sign(String input) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(signer.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return B64.encodeToString(signature.sign());
    }

    private static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
