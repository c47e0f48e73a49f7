package io.kalpana.web;

import io.kalpana.config.AuthMode;
import io.kalpana.config.KalpanaConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;

/** Headers that keep the portal from being framed, sniffed or fed foreign scripts. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    // PrimeFaces renders inline scripts and styles, so 'unsafe-inline' is the price of its components.
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Inject
    KalpanaConfig config;

    @Inject
    PublicAddress address;

    private volatile String policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (address.secure(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }

    /**
     * In oidc mode the sign-out form ends at the identity provider (its logout endpoint, by redirect), which
     * browsers check against form-action: the provider's origin is allowed there, nothing else is.
     */
    private String policy() {
        String known = policy;
        if (known == null) {
            known = CONTENT_SECURITY_POLICY;
            if (config.authMode() == AuthMode.OIDC && config.oidcProviderUri().isPresent()) {
                URI provider = URI.create(config.oidcProviderUri().get());
                String origin = provider.getScheme() + "://" + provider.getRawAuthority();
                known = known.replace("form-action 'self'", "form-action 'self' " + origin);
            }
            policy = known;
        }
        return known;
    }
}
