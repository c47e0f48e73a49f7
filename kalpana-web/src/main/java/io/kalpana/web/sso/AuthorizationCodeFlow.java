package io.kalpana.web.sso;

import io.kalpana.web.PublicAddress;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.problem.KalpanaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The OpenID Connect authorization code flow with PKCE, as a confidential client of the provider. */
@ApplicationScoped
public class AuthorizationCodeFlow {

    @Inject
    PublicAddress address;

    static final String PENDING = "io.kalpana.sso.pending";
    static final String CALLBACK_PATH = "/oidc/callback";

    private final SecureRandom random = new SecureRandom();

    @Inject
    KalpanaConfig config;

    @Inject
    OpenIdProvider provider;

    @Inject
    ProviderTokens tokens;

    @Inject
    GroupMapping mapping;

    /** Where to send the browser to sign in; remembers the sign-in in the session. */
    public URI begin(HttpServletRequest request, String next) {
        PendingSignIn pending = new PendingSignIn(randomToken(), randomToken(), randomToken(), next);
        request.getSession(true).setAttribute(PENDING, pending);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.oidcClientId());
        query.put("redirect_uri", callbackUri(request));
        query.put("scope", config.oidcScopes());
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", challenge(pending.codeVerifier()));
        query.put("code_challenge_method", "S256");
        URI endpoint = provider.metadata().authorizationEndpoint();
        return URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + form(query));
    }

    /** Checks the provider's answer at the callback and returns who signed in, with their ID token. */
    public ProviderSignIn complete(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PENDING);
        if (pending == null || !pending.state().equals(request.getParameter("state"))) {
            throw KalpanaException.invalid("sso_state_mismatch", "This sign-in was not started here, or it was "
                    + "already used; start again");
        }
        session.removeAttribute(PENDING);
        String error = request.getParameter("error");
        if (error != null) {
            String description = request.getParameter("error_description");
            throw KalpanaException.forbidden("sso_" + error.replaceAll("[^a-z_]", ""), "The identity provider "
                    + "did not sign you in: " + (description == null ? error : description));
        }
        String code = request.getParameter("code");
        if (code == null || code.isBlank()) {
            throw KalpanaException.invalid("sso_no_code", "The identity provider sent no authorization code");
        }
        JsonObject answer = provider.redeem(code, callbackUri(request), pending.codeVerifier());
        String idToken = answer.getString("id_token", null);
        if (idToken == null) {
            throw KalpanaException.unavailable("sso_no_id_token", "The identity provider sent no ID token; is "
                    + "'openid' among kalpana.oidc.scopes?", null);
        }
        JsonObject claims = tokens.idToken(idToken, pending.nonce());
        return new ProviderSignIn(mapping.identity(claims), idToken, pending.next());
    }

    private String callbackUri(HttpServletRequest request) {
        return address.base(request) + CALLBACK_PATH;
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The outcome of a completed sign-in. */
    public record ProviderSignIn(ProviderIdentity identity, String idToken, String next) {
    }
}
