package io.kalpana.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Servlet requests and responses as plain maps, for unit tests of filters. */
final class Stubs {

    private Stubs() {
    }

    static HttpServletRequest request(String method, String uri, boolean secure, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(Stubs.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    case "isSecure" -> secure;
                    case "getRequestURL" -> new StringBuffer((secure ? "https://" : "http://")
                            + headers.getOrDefault("Host", "localhost") + uri);
                    case "getHeader" -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A response that records the headers set on it into {@code headers}. */
    static HttpServletResponse response(Map<String, String> headers) {
        return (HttpServletResponse) Proxy.newProxyInstance(Stubs.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("setHeader") || m.getName().equals("addHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    static Map<String, String> headers(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
