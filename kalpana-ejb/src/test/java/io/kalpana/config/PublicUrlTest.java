package io.kalpana.config;

import io.kalpana.problem.KalpanaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicUrlTest {

    @Test
    void keptWithoutTrailingSlashesWithItsContextPath() {
        assertEquals("https://kalpana.corp", PublicUrl.parse("https://kalpana.corp/").value());
        assertEquals("https://kalpana.corp:8443/dev", PublicUrl.parse(" HTTPS://kalpana.corp:8443/dev// ").value());
        assertEquals("http://10.0.0.7:8080", PublicUrl.parse("http://10.0.0.7:8080").value());
        assertTrue(PublicUrl.parse("https://kalpana.corp").secure());
        assertFalse(PublicUrl.parse("http://kalpana.corp").secure());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "kalpana.corp", "ftp://kalpana.corp", "javascript:alert(1)", "https://",
            "https://user:secret@kalpana.corp", "https://kalpana.corp/?next=x", "https://kalpana.corp/#top",
            "https://kalpana corp", "//kalpana.corp", "-oProxyCommand=x", "https://kalpana.corp/\u0000"})
    void anythingButAnAbsoluteHttpAddressIsRefusedWithTheReason(String text) {
        KalpanaException refused = assertThrows(KalpanaException.class, () -> PublicUrl.parse(text));
        assertEquals("invalid_public_url", refused.code());
        assertTrue(refused.getMessage().contains("kalpana.public-url"), refused.getMessage());
    }
}
