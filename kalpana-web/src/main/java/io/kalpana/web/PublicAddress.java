package io.kalpana.web;

import io.kalpana.config.KalpanaConfig;
import io.kalpana.config.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Kalpana's own address for links that leave the page: the identity provider's callback, the return after signing
 * out, the API's ideUrl. From {@code kalpana.public-url} when set (a reverse proxy in front may rewrite the host or
 * terminate TLS), else from the request as the browser sent it.
 */
@ApplicationScoped
public class PublicAddress {

    private static final Logger LOG = Logger.getLogger(PublicAddress.class.getName());

    @Inject
    KalpanaConfig config;

    private Optional<PublicUrl> configured;

    /** A malformed kalpana.public-url stops the deployment with its reason, not the first sign-in. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        configured();
        configured.ifPresent(url -> LOG.info(() -> "workspace=- public address " + url.value()));
    }

    /** The base every absolute link of Kalpana starts with, context path included, no trailing slash. */
    public String base(HttpServletRequest request) {
        return configured().map(PublicUrl::value).orElseGet(() -> {
            String url = request.getRequestURL().toString();
            return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
        });
    }

    /** Whether browsers reach Kalpana over HTTPS, also when a proxy in front terminates TLS. */
    public boolean secure(HttpServletRequest request) {
        return request.isSecure() || configured().map(PublicUrl::secure).orElse(false);
    }

    private Optional<PublicUrl> configured() {
        if (configured == null) {
            configured = config.publicUrl();
        }
        return configured;
    }
}
