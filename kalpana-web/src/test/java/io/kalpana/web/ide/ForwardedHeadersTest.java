package io.kalpana.web.ide;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardedHeadersTest {

    private static final CodeServerSession SESSION = new CodeServerSession("code-server-session", "hash%24x");
    private static final String PREFIX = "/w/abcdef123456/ide";

    @Test
    void hopByHopAndConnectionListedHeadersStay() {
        assertFalse(ForwardedHeaders.forwardsRequestHeader("Connection", "keep-alive", null));
        assertFalse(ForwardedHeaders.forwardsRequestHeader("Keep-Alive", "5", null));
        assertFalse(ForwardedHeaders.forwardsRequestHeader("Transfer-Encoding", "chunked", null));
        assertFalse(ForwardedHeaders.forwardsRequestHeader("Host", "evil", null));
        assertFalse(ForwardedHeaders.forwardsRequestHeader("X-Forwarded-Host", "evil", null));
        assertFalse(ForwardedHeaders.forwardsRequestHeader("X-Secret-Hop", "1", "keep-alive, X-Secret-Hop"));
        assertTrue(ForwardedHeaders.forwardsRequestHeader("Accept", "*/*", "keep-alive"));
        assertTrue(ForwardedHeaders.forwardsRequestHeader("Sec-WebSocket-Key", "abc", null));
    }

    @Test
    void kalpanasBearerTokenIsNotForwardedButOtherAuthorizationIs() {
        assertFalse(ForwardedHeaders.forwardsRequestHeader("Authorization", "Bearer eyJ.x.y", null));
        assertFalse(ForwardedHeaders.forwardsRequestHeader("authorization", "bearer eyJ.x.y", null));
        assertTrue(ForwardedHeaders.forwardsRequestHeader("Authorization", "Basic dTpw", null));
    }

    @Test
    void kalpanasSessionCookieNeverReachesCodeServerAndOnlyKalpanasCodeServerSessionDoes() {
        assertEquals("theme=dark; code-server-session=hash%24x", ForwardedHeaders.upstreamCookies(
                "JSESSIONID=abc; theme=dark; code-server-session=planted; JSESSIONIDVERSION=x", "JSESSIONID", SESSION));
        assertEquals("code-server-session=hash%24x", ForwardedHeaders.upstreamCookies(null, "JSESSIONID", SESSION));
    }

    @Test
    void codeServersSessionCookieNeverReachesTheBrowser() {
        assertEquals(Optional.empty(), ForwardedHeaders.browserSetCookie(
                "code-server-session=hash; Path=/; SameSite=Lax", PREFIX, SESSION));
    }

    @Test
    void cookiePathsMoveUnderThePrefixAndDomainsGo() {
        assertEquals("a=1; Path=/w/abcdef123456/ide/proxy/3000; HttpOnly", ForwardedHeaders.browserSetCookie(
                "a=1; Domain=127.0.0.1; Path=/proxy/3000; HttpOnly", PREFIX, SESSION).orElseThrow());
        assertEquals("b=2; Path=/w/abcdef123456/ide/", ForwardedHeaders.browserSetCookie("b=2", PREFIX, SESSION).orElseThrow());
    }

    @Test
    void redirectsStayUnderThePrefix() {
        assertEquals("./login", ForwardedHeaders.browserLocation("./login", PREFIX, "http://127.0.0.1:46001"));
        assertEquals(PREFIX + "/login?to=%2F", ForwardedHeaders.browserLocation("/login?to=%2F", PREFIX, "http://127.0.0.1:46001"));
        assertEquals(PREFIX + "/x", ForwardedHeaders.browserLocation("http://127.0.0.1:46001/x", PREFIX, "http://127.0.0.1:46001"));
        assertEquals("https://example.com/", ForwardedHeaders.browserLocation("https://example.com/", PREFIX, "http://127.0.0.1:46001"));
        assertEquals("//evil.example/", ForwardedHeaders.browserLocation("//evil.example/", PREFIX, "http://127.0.0.1:46001"));
    }

    @Test
    void findsCodeServersSessionCookie() {
        assertEquals(Optional.of(new CodeServerSession("code-server-session", "%24argon2id%24v")),
                CodeServerSignIn.sessionCookie("code-server-session=%24argon2id%24v; Path=/; SameSite=Lax"));
        assertEquals(Optional.empty(), CodeServerSignIn.sessionCookie("other=1; Path=/"));
        assertEquals(Optional.empty(), CodeServerSignIn.sessionCookie("code-server-session=; Path=/"));
    }
}
