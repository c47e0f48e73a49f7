package io.kalpana.bridge.server.security;

import io.kalpana.bridge.server.config.BridgeToken;

import java.util.List;
import java.util.Map;

/**
 * Decides whether a WebSocket upgrade request carries the workspace token: {@code Authorization: Bearer}
 * header first, {@code token} query parameter as fallback for clients that cannot set headers.
 */
public final class TokenAuthenticator {

    private static final String BEARER = "bearer ";

    private final BridgeToken token;

    public TokenAuthenticator(BridgeToken token) {
        this.token = token;
    }

    public boolean isAuthorized(Map<String, List<String>> headers, Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if ("authorization".equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
                for (String value : header.getValue()) {
                    if (value != null && value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                            && token.matches(value.substring(BEARER.length()).trim())) {
                        return true;
                    }
                }
            }
        }
        List<String> fromQuery = parameters.get("token");
        return fromQuery != null && fromQuery.stream().anyMatch(token::matches);
    }
}
