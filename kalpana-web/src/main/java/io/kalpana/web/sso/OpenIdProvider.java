package io.kalpana.web.sso;

import io.kalpana.json.JsonFactory;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.problem.KalpanaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The company's OpenID provider as Kalpana talks to it over the back channel: its announced endpoints and
 * signing keys (both read on first use, so Kalpana starts even while the provider is down), and the token endpoint.
 */
@ApplicationScoped
public class OpenIdProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    KalpanaConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile ProviderMetadata metadata;
    private volatile ProviderKeys keys;

    public ProviderMetadata metadata() {
        ProviderMetadata known = metadata;
        if (known == null) {
            String issuer = config.oidcProviderUri().orElseThrow(() -> KalpanaException.unavailable("sso_not_configured",
                    "Sign-in through the identity provider is not configured: set kalpana.oidc.provider-uri", null));
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            known = ProviderMetadata.of(get(URI.create(base + "/.well-known/openid-configuration")));
            metadata = known;
        }
        return known;
    }

    Optional<PublicKey> signingKey(String keyId) {
        ProviderKeys known = keys;
        if (known == null) {
            URI jwks = metadata().jwksUri();
            known = new ProviderKeys(() -> get(jwks), Clock.systemUTC());
            keys = known;
        }
        return known.key(keyId);
    }

    /** Trades the code of a finished sign-in for the provider's tokens, authenticated with the client secret. */
    JsonObject redeem(String code, String redirectUri, String codeVerifier) {
        String form = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                        "code_verifier", codeVerifier).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String client = URLEncoder.encode(config.oidcClientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(config.oidcClientSecret().orElse(""), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(metadata().tokenEndpoint()).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            // The provider's error code says why (e.g. invalid_client for a wrong secret); its body is no secret.
            throw KalpanaException.unavailable("sso_token_exchange_failed", "The identity provider refused to complete "
                    + "the sign-in (HTTP " + response.statusCode() + ": " + abbreviate(response.body()) + ")", null);
        }
        return parse(response.body());
    }

    private JsonObject get(URI uri) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
        if (response.statusCode() != 200) {
            throw KalpanaException.unavailable("sso_unavailable", "The identity provider answered HTTP "
                    + response.statusCode() + " for " + uri, null);
        }
        return parse(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw KalpanaException.unavailable("sso_unavailable", "The identity provider cannot be reached at "
                    + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KalpanaException.unavailable("sso_unavailable", "Interrupted while asking the identity provider", e);
        }
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = JsonFactory.reader(body)) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw KalpanaException.unavailable("sso_unavailable", "The identity provider answered something that is "
                    + "not a JSON object", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
