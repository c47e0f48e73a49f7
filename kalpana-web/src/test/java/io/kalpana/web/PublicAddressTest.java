package io.kalpana.web;

import io.kalpana.config.KalpanaConfig;
import io.kalpana.config.PublicUrl;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.kalpana.web.Stubs.headers;
import static io.kalpana.web.Stubs.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicAddressTest {

    private static PublicAddress address(Optional<PublicUrl> configured) {
        PublicAddress address = new PublicAddress();
        address.config = new KalpanaConfig() {
            @Override
            public Optional<PublicUrl> publicUrl() {
                return configured;
            }
        };
        return address;
    }

    @Test
    void withoutConfigurationTheRequestTellsTheAddress() {
        assertEquals("http://10.1.2.3:8080", address(Optional.empty())
                .base(request("GET", "/oidc/signin", false, headers("Host", "10.1.2.3:8080"))));
    }

    @Test
    void behindAProxyTheConfiguredAddressWinsOverWhatTheProxySent() {
        PublicAddress address = address(Optional.of(PublicUrl.parse("https://kalpana.corp/")));
        assertEquals("https://kalpana.corp",
                address.base(request("GET", "/oidc/signin", false, headers("Host", "127.0.0.1:8080"))));
    }
}
