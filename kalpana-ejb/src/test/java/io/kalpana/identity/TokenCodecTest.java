package io.kalpana.identity;

import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenCodecTest {

    @TempDir
    Path dir;

    private final Clock now = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    private TokenCodec codec(Clock clock) {
        return new TokenCodec(SigningKeys.loadOrCreate(dir), "kalpana", Duration.ofHours(1), clock);
    }

    @Test
    void issuedTokenVerifiesWithSubjectAndRoles() {
        IssuedToken token = codec(now).issue(new Username("alice"), Set.of(Role.USER, Role.ADMIN));
        VerifiedToken verified = codec(now).verify(token.token());
        assertEquals("alice", verified.subject().value());
        assertEquals(Set.of(Role.USER, Role.ADMIN), verified.roles());
        assertEquals(Instant.parse("2026-11-26T11:00:00Z"), token.expiresAt());
    }

    @Test
    void keyIsKeptOwnerOnlyAndReusedAfterRestart() throws Exception {
        IssuedToken token = codec(now).issue(new Username("alice"), Set.of(Role.USER));
        Path keyFile = dir.resolve("token-signing-key.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals("alice", codec(now).verify(token.token()).subject().value());
    }

    @Test
    void expiredTokenIsRefused() {
        IssuedToken token = codec(now).issue(new Username("alice"), Set.of(Role.USER));
        Clock later = Clock.offset(now, Duration.ofHours(2));
        assertRefused(() -> codec(later).verify(token.token()));
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = codec(now).issue(new Username("alice"), Set.of(Role.USER)).token().split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"kalpana\",\"sub\":\"alice\",\"upn\":\"alice\",\"groups\":[\"admin\"],\"iat\":"
                        + now.instant().getEpochSecond() + ",\"exp\":" + (now.instant().getEpochSecond() + 600) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        assertRefused(() -> codec(now).verify(parts[0] + "." + forged + "." + parts[2]));
    }

    @Test
    void unsignedAlgorithmNoneIsRefused() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String[] parts = codec(now).issue(new Username("alice"), Set.of(Role.USER)).token().split("\\.");
        assertRefused(() -> codec(now).verify(header + "." + parts[1] + "."));
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        TokenCodec other = new TokenCodec(SigningKeys.loadOrCreate(dir), "someone-else", Duration.ofHours(1), now);
        String token = other.issue(new Username("alice"), Set.of(Role.USER)).token();
        assertRefused(() -> codec(now).verify(token));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused(@TempDir Path otherDir) {
        TokenCodec other = new TokenCodec(SigningKeys.loadOrCreate(otherDir), "kalpana", Duration.ofHours(1), now);
        String token = other.issue(new Username("alice"), Set.of(Role.USER)).token();
        assertRefused(() -> codec(now).verify(token));
    }

    @Test
    void garbageIsRefused() {
        for (String garbage : new String[] {null, "", "abc", "a.b.c", "....", "eyJ.eyJ.sig"}) {
            assertRefused(() -> codec(now).verify(garbage));
        }
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable verify) {
        KalpanaException e = assertThrows(KalpanaException.class, verify);
        assertEquals(ProblemKind.UNAUTHENTICATED, e.kind());
    }
}
