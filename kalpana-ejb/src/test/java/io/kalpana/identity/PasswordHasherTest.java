package io.kalpana.identity;

import io.kalpana.problem.KalpanaException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void rightPasswordMatchesWrongDoesNot() {
        String hash = hasher.hash("correct horse battery".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"));
        assertTrue(hasher.matches("correct horse battery".toCharArray(), hash));
        assertFalse(hasher.matches("correct horse batterY".toCharArray(), hash));
        assertFalse(hasher.matches("".toCharArray(), hash));
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("same password".toCharArray()), hasher.hash("same password".toCharArray()));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        for (String stored : new String[] {null, "", "plain", "md5$1$a$b", "pbkdf2-sha256$x$a$b"}) {
            assertFalse(hasher.matches("anything".toCharArray(), stored));
        }
    }

    @Test
    void newPasswordsMustBeLongEnough() {
        KalpanaException e = assertThrows(KalpanaException.class, () -> Password.checkNew("short"));
        assertEquals("weak_password", e.code());
        assertThrows(KalpanaException.class, () -> Password.checkNew(null));
        assertThrows(KalpanaException.class, () -> Password.checkNew("x".repeat(257)));
        assertEquals(10, Password.checkNew("0123456789").length);
    }

    @Test
    void usernamesAreNormalisedAndValidated() {
        assertEquals("alice", Username.of("  Alice ").value());
        for (String bad : new String[] {null, "", "a", "1abc", "-x", "al ice", "al/ice", "x".repeat(64), "ali\u0000ce", "älice"}) {
            assertThrows(KalpanaException.class, () -> Username.of(bad), String.valueOf(bad));
        }
    }
}
