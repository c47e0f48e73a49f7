package io.kalpana.runtime;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KalpanaCallbackUrlTest {

    @Test
    void derivedFromTheFirstHttpPortSeen() {
        KalpanaCallbackUrl url = new KalpanaCallbackUrl(Optional.empty());
        assertEquals(Optional.empty(), url.url(), "unknown until a request was served");
        url.observeHttpPort(0);
        url.observeHttpPort(70000);
        assertEquals(Optional.empty(), url.url());
        url.observeHttpPort(8080);
        url.observeHttpPort(9090);
        assertEquals(Optional.of(URI.create("http://host.docker.internal:8080")), url.url());
    }

    @Test
    void aConfiguredUrlWins() {
        KalpanaCallbackUrl url = new KalpanaCallbackUrl(Optional.of(URI.create("https://kalpana.example.com")));
        url.observeHttpPort(8080);
        assertEquals(Optional.of(URI.create("https://kalpana.example.com")), url.url());
    }

    @Test
    void aMalformedConfiguredUrlIsRefusedNamingTheKey() {
        for (String bad : new String[]{"kalpana.example.com", "ftp://kalpana.example.com", "http://", "http://exa mple"}) {
            var config = new io.kalpana.config.KalpanaConfig() {
                @Override
                public Optional<String> workspaceCallbackUrl() {
                    return Optional.of(bad);
                }
            };
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new KalpanaCallbackUrl(config), bad);
            assertTrue(refused.getMessage().contains("kalpana.workspace.callback-url"), refused.getMessage());
        }
        assertEquals(Optional.of(URI.create("http://10.0.0.5:8080")), new KalpanaCallbackUrl(new io.kalpana.config.KalpanaConfig() {
            @Override
            public Optional<String> workspaceCallbackUrl() {
                return Optional.of("http://10.0.0.5:8080/");
            }
        }).url(), "a trailing slash is dropped: paths are appended to it");
    }
}
