package io.kalpana.web.identity;

import io.kalpana.web.problem.ErrorJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Kalpana's one authentication mechanism, deciding per request: a bearer token for programs, a
 * session established by the sign-in form for people. Two built-in mechanisms in one application would
 * be ambiguous, so this one does both.
 */
@ApplicationScoped
public class KalpanaAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_IDENTITY = "io.kalpana.identity";
    static final String LOGIN_PAGE = "/login.xhtml";
    private static final String BEARER = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return bearer(authorization.substring(BEARER.length()).strip(), response, context);
        }
        Credential typed = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && typed != null) {
            return signIn(typed, request, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_IDENTITY) instanceof SessionIdentity identity) {
            return context.notifyContainerAboutLogin(identity.username(), identity.groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return refuse(response, "unauthenticated", "Sign in first: send 'Authorization: Bearer <token>' "
                    + "with a token from POST /api/v1/tokens");
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                + URLEncoder.encode(originalTarget(request), StandardCharsets.UTF_8));
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_IDENTITY);
        }
    }

    private AuthenticationStatus bearer(String token, HttpServletResponse response, HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(new BearerTokenCredential(token));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return refuse(response, "invalid_token", "The bearer token is invalid or expired; get a new one from "
                    + "POST /api/v1/tokens");
        }
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus signIn(Credential credential, HttpServletRequest request, HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        // A new session id at sign-in, so an id planted before sign-in is worth nothing after it.
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SESSION_IDENTITY,
                new SessionIdentity(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        return context.notifyContainerAboutLogin(result);
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, String code, String message) {
        try {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"kalpana\"");
            ErrorJson.write(response, HttpServletResponse.SC_UNAUTHORIZED, code, message);
        } catch (IOException clientGone) {
            // Nothing left to tell a client that has hung up.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static String originalTarget(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
