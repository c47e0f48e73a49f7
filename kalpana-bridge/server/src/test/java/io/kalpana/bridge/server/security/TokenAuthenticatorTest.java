package io.kalpana.bridge.server.security;

import io.kalpana.bridge.server.config.BridgeToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenAuthenticatorTest {

    private final TokenAuthenticator authenticator = new TokenAuthenticator(new BridgeToken("abc"));

    @Test
    void acceptsBearerHeaderInAnyCase() {
        assertTrue(authenticator.isAuthorized(Map.of("Authorization", List.of("Bearer abc")), Map.of()));
        assertTrue(authenticator.isAuthorized(Map.of("authorization", List.of("bearer abc")), Map.of()));
    }

    @Test
    void acceptsQueryParameterAsFallback() {
        assertTrue(authenticator.isAuthorized(Map.of(), Map.of("token", List.of("abc"))));
    }

    @Test
    void refusesMissingWrongOrPrefixTokens() {
        assertFalse(authenticator.isAuthorized(Map.of(), Map.of()));
        assertFalse(authenticator.isAuthorized(Map.of("Authorization", List.of("Bearer abd")), Map.of()));
        assertFalse(authenticator.isAuthorized(Map.of("Authorization", List.of("Bearer ab")), Map.of()));
        assertFalse(authenticator.isAuthorized(Map.of("Authorization", List.of("Basic abc")), Map.of()));
        assertFalse(authenticator.isAuthorized(Map.of(), Map.of("token", List.of("abcd"))));
    }
}
