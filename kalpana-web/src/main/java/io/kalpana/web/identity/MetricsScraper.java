package io.kalpana.web.identity;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A Prometheus scraper calling {@code GET /api/v1/admin/metrics} with {@code kalpana.metrics.token}: a long-lived
 * secret that opens that one read-only path and nothing else, so no admin token has to be kept in the scraper.
 */
final class MetricsScraper {

    static final String NAME = "metrics-scraper";
    static final String PATH = "/api/v1/admin/metrics";
    static final int MIN_TOKEN_LENGTH = 32;

    private static final Logger LOG = Logger.getLogger(MetricsScraper.class.getName());
    private static final String BEARER = "Bearer ";

    private MetricsScraper() {
    }

    static boolean isScrape(HttpServletRequest request, Optional<String> configured) {
        if (configured.isEmpty() || !"GET".equals(request.getMethod())
                || !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            return false;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        String expected = configured.get();
        if (expected.length() < MIN_TOKEN_LENGTH) {
            LOG.warning(() -> "workspace=* kalpana.metrics.token has fewer than " + MIN_TOKEN_LENGTH
                    + " characters and is not accepted; make a longer one (openssl rand -hex 32)");
            return false;
        }
        byte[] sent = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, expected.getBytes(StandardCharsets.UTF_8));
    }
}
