package io.kalpana.web;

import io.kalpana.web.problem.ErrorJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests that a browser sent from another site. Besides JSF's view state (a secret
 * per form) and SameSite session cookies, this covers the forms that are not JSF's (sign-out) and browsers that
 * send cookies cross-site anyway. Programs with a bearer token send no cookies and are not affected.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isCrossSite(request)) {
            ErrorJson.write(response, HttpServletResponse.SC_FORBIDDEN, "cross_site_request",
                    "Kalpana refused a request another web site made in your name; use Kalpana's own pages");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isCrossSite(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader("Authorization");
        if (path.startsWith("/w/") || (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))) {
            // The IDE proxy is code-server's own business (it checks origins itself, previews are sandboxed);
            // a bearer token is not sent by a browser on its own.
            return false;
        }
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source == null) {
            return false;
        }
        String host = request.getHeader("X-Forwarded-Host") != null ? request.getHeader("X-Forwarded-Host").split(",")[0]
                : request.getHeader("Host");
        return host == null || !host.strip().toLowerCase(Locale.ROOT).equals(authority(source));
    }

    private static String authority(String url) {
        try {
            String authority = URI.create(url.strip()).getRawAuthority();
            return authority == null ? "" : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
