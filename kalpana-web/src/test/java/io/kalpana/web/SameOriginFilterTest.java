package io.kalpana.web;

import org.junit.jupiter.api.Test;

import static io.kalpana.web.Stubs.headers;
import static io.kalpana.web.Stubs.request;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameOriginFilterTest {

    @Test
    void refusesPostsFromOtherSites() {
        assertTrue(SameOriginFilter.isCrossSite(request("POST", "/signout", false,
                headers("Host", "kalpana.corp:8080", "Origin", "https://evil.example"))));
        assertTrue(SameOriginFilter.isCrossSite(request("POST", "/index.xhtml", false,
                headers("Host", "kalpana.corp:8080", "Referer", "http://kalpana.corp.evil.example/x"))));
        assertTrue(SameOriginFilter.isCrossSite(request("POST", "/api/v1/workspaces", false,
                headers("Host", "kalpana.corp:8080", "Origin", "null"))), "an opaque origin is another site");
        assertTrue(SameOriginFilter.isCrossSite(request("DELETE", "/api/v1/workspaces/x", false,
                headers("Host", "kalpana.corp:8080", "Origin", "http://kalpana.corp:8081"))), "another port is another origin");
    }

    @Test
    void letsThroughOwnPagesProgramsAndSafeMethods() {
        assertFalse(SameOriginFilter.isCrossSite(request("POST", "/index.xhtml", false,
                headers("Host", "Kalpana.corp:8080", "Origin", "http://kalpana.corp:8080"))));
        assertFalse(SameOriginFilter.isCrossSite(request("POST", "/index.xhtml", false,
                headers("Host", "127.0.0.1:8080", "X-Forwarded-Host", "kalpana.corp", "Origin", "https://kalpana.corp"))),
                "behind a TLS-terminating proxy that forwards the host");
        assertFalse(SameOriginFilter.isCrossSite(request("POST", "/api/v1/tokens", false, headers("Host", "kalpana.corp"))),
                "no Origin or Referer: not a browser");
        assertFalse(SameOriginFilter.isCrossSite(request("POST", "/api/v1/workspaces", false,
                headers("Host", "kalpana.corp", "Origin", "https://evil.example", "Authorization", "Bearer x"))));
        assertFalse(SameOriginFilter.isCrossSite(request("GET", "/index.xhtml", false,
                headers("Host", "kalpana.corp", "Origin", "https://evil.example"))));
        assertFalse(SameOriginFilter.isCrossSite(request("POST", "/w/abcdef123456/ide/proxy/3000/api", false,
                headers("Host", "kalpana.corp", "Origin", "null"))), "sandboxed previews post to their own dev server");
    }
}
