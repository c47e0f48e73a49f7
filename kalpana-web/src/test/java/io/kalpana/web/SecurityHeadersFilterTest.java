package io.kalpana.web;

import io.kalpana.config.AuthMode;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.config.PublicUrl;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.kalpana.web.Stubs.headers;
import static io.kalpana.web.Stubs.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityHeadersFilterTest {

    private static Map<String, String> headersFor(boolean secure) throws Exception {
        return headersFor(secure, Optional.empty());
    }

    private static Map<String, String> headersFor(boolean secure, Optional<PublicUrl> publicUrl) throws Exception {
        Map<String, String> set = new HashMap<>();
        SecurityHeadersFilter filter = new SecurityHeadersFilter();
        filter.config = new KalpanaConfig() {
            @Override
            public AuthMode authMode() {
                return AuthMode.LOCAL;
            }

            @Override
            public Optional<PublicUrl> publicUrl() {
                return publicUrl;
            }
        };
        filter.address = new PublicAddress();
        filter.address.config = filter.config;
        filter.doFilter(request("GET", "/index.xhtml", secure, headers("Host", "kalpana.corp")),
                Stubs.response(set), (req, res) -> { });
        return set;
    }

    @Test
    void portalPagesCannotBeFramedSniffedOrFedForeignScripts() throws Exception {
        Map<String, String> headers = headersFor(false);
        String policy = headers.get("Content-Security-Policy");
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("default-src 'self'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
    }

    @Test
    void hstsOnlyOverHttps() throws Exception {
        assertNull(headersFor(false).get("Strict-Transport-Security"));
        assertTrue(headersFor(true).get("Strict-Transport-Security").startsWith("max-age="));
    }

    @Test
    void hstsBehindAProxyThatTerminatesTls() throws Exception {
        assertTrue(headersFor(false, Optional.of(PublicUrl.parse("https://kalpana.corp")))
                .get("Strict-Transport-Security").startsWith("max-age="));
        assertNull(headersFor(false, Optional.of(PublicUrl.parse("http://kalpana.corp"))).get("Strict-Transport-Security"));
    }
}
