package io.kalpana.web.ide;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What crosses the proxy in headers. Hop-by-hop headers stay on their hop; Kalpana's own session cookie never
 * reaches code-server (or the dev servers behind it), and code-server's session cookie never reaches a browser.
 * Paths in cookies and redirects are moved under the proxy's prefix.
 */
public final class ForwardedHeaders {

    /** RFC 9110 7.6.1 connection-specific headers, plus what the JDK client and the container set themselves. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "cookie", "forwarded", "x-forwarded-host", "x-forwarded-proto",
            "x-forwarded-for", "http2-settings");

    private ForwardedHeaders() {
    }

    /**
     * Whether a request header is copied to code-server as it is. A bearer token that got this far is Kalpana's
     * own (Kalpana rejects any other), so it stays here.
     */
    public static boolean forwardsRequestHeader(String name, String value, String connectionHeader) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("authorization") && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return !NOT_FORWARDED.contains(lower) && !listedIn(connectionHeader, lower);
    }

    /** Whether a response header is copied to the browser as it is (Set-Cookie and Location are rewritten). */
    public static boolean forwardsResponseHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !NOT_FORWARDED.contains(lower) && !lower.equals("set-cookie") && !lower.equals("location")
                && !lower.equals(":status");
    }

    /**
     * The browser's cookies for code-server: without Kalpana's session cookie (and any code-server session the
     * browser might try to plant), with Kalpana's code-server session.
     */
    public static String upstreamCookies(String browserCookies, String kalpanaSessionCookie, CodeServerSession session) {
        String kept = browserCookies == null ? "" : Arrays.stream(browserCookies.split(";"))
                .map(String::strip)
                .filter(pair -> !pair.isEmpty())
                .filter(pair -> {
                    String name = pair.split("=", 2)[0].strip();
                    return !name.startsWith(kalpanaSessionCookie) && !name.equals(session.cookieName());
                })
                .collect(Collectors.joining("; "));
        return kept.isEmpty() ? session.asCookie() : kept + "; " + session.asCookie();
    }

    /**
     * A Set-Cookie from code-server (or a dev server behind its port proxy) for the browser: none for
     * code-server's session; the path moved under the prefix; no Domain, since the browser's host is Kalpana's.
     */
    public static Optional<String> browserSetCookie(String setCookie, String prefix, CodeServerSession session) {
        String[] parts = setCookie.split(";");
        String name = parts[0].split("=", 2)[0].strip();
        if (name.equals(session.cookieName())) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(parts[0].strip());
        boolean hadPath = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            String lower = attribute.toLowerCase(Locale.ROOT);
            if (lower.startsWith("domain=")) {
                continue;
            }
            if (lower.startsWith("path=")) {
                String path = attribute.substring("path=".length()).strip();
                attribute = "Path=" + prefix + (path.startsWith("/") ? path : "/" + path);
                hadPath = true;
            }
            out.append("; ").append(attribute);
        }
        if (!hadPath) {
            out.append("; Path=").append(prefix).append('/');
        }
        return Optional.of(out.toString());
    }

    /** A redirect from code-server, as the browser must follow it: relative ones stay, absolute paths get the prefix. */
    public static String browserLocation(String location, String prefix, String upstreamOrigin) {
        if (location.startsWith(upstreamOrigin + "/")) {
            return prefix + location.substring(upstreamOrigin.length());
        }
        if (location.startsWith("/") && !location.startsWith("//")) {
            return prefix + location;
        }
        return location;
    }

    private static boolean listedIn(String connectionHeader, String lowerName) {
        if (connectionHeader == null) {
            return false;
        }
        for (String token : connectionHeader.split(",")) {
            if (token.strip().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return true;
            }
        }
        return false;
    }
}
