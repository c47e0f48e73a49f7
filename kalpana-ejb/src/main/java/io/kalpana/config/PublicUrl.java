package io.kalpana.config;

import io.kalpana.problem.KalpanaException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Kalpana's address as browsers reach it ({@code kalpana.public-url}): an absolute http or https URL with an
 * optional context path and nothing after it. Kept without a trailing slash so paths append as they are.
 */
public record PublicUrl(String value) {

    public PublicUrl {
        if (value == null || value.isBlank()) {
            throw invalid(value, "it is empty");
        }
    }

    public static PublicUrl parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(trimmed, "it is not a URL (" + e.getReason() + ")");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw invalid(trimmed, "it must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalid(trimmed, "it must name a host, without a user name or password");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(trimmed, "it cannot have a query or a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new PublicUrl(uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority() + path);
    }

    public boolean secure() {
        return value.startsWith("https://");
    }

    private static KalpanaException invalid(String text, String why) {
        return KalpanaException.invalid("invalid_public_url", "kalpana.public-url '" + text + "' cannot be used: " + why
                + "; set it to Kalpana's address as browsers reach it, e.g. https://kalpana.intranet.example");
    }
}
