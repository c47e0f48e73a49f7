package io.kalpana.credentials;

import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialCipherTest {

    private static final Username ALICE = new Username("alice");
    private static final Username BOB = new Username("bob");
    private static final GitHost HOST = GitHost.of("git.example.com");
    private static final GitToken TOKEN = new GitToken("ghp_abcdefghijklmnopqrstuvwxyz0123456789");

    private final CredentialCipher cipher = new CredentialCipher(randomKey());

    @Test
    void sealedTokenOpensForItsOwnerAndHost() {
        String sealed = cipher.seal(ALICE, HOST, TOKEN);
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains(TOKEN.value()));
        assertFalse(sealed.contains(Base64.getEncoder().encodeToString(TOKEN.value().getBytes())));
        assertEquals(TOKEN, cipher.open(ALICE, HOST, sealed));
    }

    @Test
    void everySealHasItsOwnIv() {
        assertNotEquals(cipher.seal(ALICE, HOST, TOKEN), cipher.seal(ALICE, HOST, TOKEN));
    }

    @Test
    void anotherKeyCannotOpen() {
        String sealed = cipher.seal(ALICE, HOST, TOKEN);
        KalpanaException refused = assertThrows(KalpanaException.class,
                () -> new CredentialCipher(randomKey()).open(ALICE, HOST, sealed));
        assertEquals("git_credential_unreadable", refused.code());
    }

    @Test
    void aValueCopiedToAnotherOwnerOrHostDoesNotOpen() {
        String sealed = cipher.seal(ALICE, HOST, TOKEN);
        assertThrows(KalpanaException.class, () -> cipher.open(BOB, HOST, sealed));
        assertThrows(KalpanaException.class, () -> cipher.open(ALICE, GitHost.of("git.example.com:8443"), sealed));
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        String sealed = cipher.seal(ALICE, HOST, TOKEN);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        for (int position : new int[]{0, 11, 12, bytes.length - 1}) {
            byte[] altered = bytes.clone();
            altered[position] ^= 0x01;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(altered);
            assertThrows(KalpanaException.class, () -> cipher.open(ALICE, HOST, tampered), "byte " + position);
        }
        assertThrows(KalpanaException.class, () -> cipher.open(ALICE, HOST, "v2:" + sealed.substring(3)));
        assertThrows(KalpanaException.class, () -> cipher.open(ALICE, HOST, "v1:not base64!"));
        assertThrows(KalpanaException.class, () -> cipher.open(ALICE, HOST, "v1:AAAA"));
        assertThrows(KalpanaException.class, () -> cipher.open(ALICE, HOST, null));
    }

    @Test
    void keyFileIsMadeOwnerOnlyAndReused(@TempDir Path dataDir) throws Exception {
        CredentialCipher first = CredentialCipher.fromConfig(Optional.empty(), dataDir);
        Path file = dataDir.resolve(CredentialCipher.KEY_FILE);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String sealed = first.seal(ALICE, HOST, TOKEN);
        String keyBefore = Files.readString(file);
        CredentialCipher again = CredentialCipher.fromConfig(Optional.empty(), dataDir);
        assertEquals(keyBefore, Files.readString(file), "the key file is not replaced");
        assertEquals(TOKEN, again.open(ALICE, HOST, sealed));
    }

    @Test
    void configuredKeyIsUsedAndNoFileIsWritten(@TempDir Path dataDir) {
        String key = Base64.getEncoder().encodeToString(randomKey());
        String sealed = CredentialCipher.fromConfig(Optional.of(key), dataDir).seal(ALICE, HOST, TOKEN);
        assertEquals(TOKEN, CredentialCipher.fromConfig(Optional.of(" " + key + "\n"), dataDir).open(ALICE, HOST, sealed));
        assertFalse(Files.exists(dataDir.resolve(CredentialCipher.KEY_FILE)));
    }

    @Test
    void malformedConfiguredKeyIsRefusedNamingTheKey(@TempDir Path dataDir) {
        for (String bad : new String[]{"not base64 at all!", Base64.getEncoder().encodeToString(new byte[16]),
                Base64.getEncoder().encodeToString(new byte[33]), ""}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> CredentialCipher.fromConfig(Optional.of(bad), dataDir), bad);
            assertTrue(refused.getMessage().contains(CredentialCipher.KEY_PROPERTY), refused.getMessage());
        }
    }

    @Test
    void damagedKeyFileIsRefusedNamingTheFile(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve(CredentialCipher.KEY_FILE), "short\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> CredentialCipher.fromConfig(Optional.empty(), dataDir));
        assertTrue(refused.getMessage().contains(CredentialCipher.KEY_FILE), refused.getMessage());
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
