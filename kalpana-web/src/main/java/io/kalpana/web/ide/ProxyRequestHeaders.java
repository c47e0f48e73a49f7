package io.kalpana.web.ide;

import jakarta.servlet.http.HttpServletRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The X-Forwarded headers code-server reads: its WebSocket origin check compares the browser's Origin with
 * X-Forwarded-Host, which must therefore be the host the browser used, i.e. Kalpana's.
 */
final class ProxyRequestHeaders {

    private ProxyRequestHeaders() {
    }

    static Map<String, String> forwarded(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        String host = request.getHeader("Host");
        if (host != null) {
            headers.put("X-Forwarded-Host", host);
        }
        headers.put("X-Forwarded-Proto", request.getScheme());
        headers.put("X-Forwarded-For", request.getRemoteAddr());
        return headers;
    }
}
