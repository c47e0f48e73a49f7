package io.kalpana.web.identity;

import io.kalpana.audit.AuditLog;
import io.kalpana.config.AuthMode;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.identity.Role;
import io.kalpana.identity.UserService;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.web.problem.ErrorJson;
import io.kalpana.workspace.WorkspaceCallers;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.web.sso.GroupMapping;
import io.kalpana.web.sso.ProviderIdentity;
import io.kalpana.web.sso.ProviderTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Kalpana's one authentication mechanism, deciding per request: a bearer token for programs (Kalpana's own, or in
 * oidc mode an access token of the company's identity provider), a session for people, established by the sign-in
 * form or, in oidc mode, by the provider's sign-in. Two built-in mechanisms in one application would be ambiguous,
 * so this one does all of it.
 */
@ApplicationScoped
public class KalpanaAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_IDENTITY = "io.kalpana.identity";
    static final String LOGIN_PAGE = "/login.xhtml";
    static final String PROVIDER_ID_TOKEN = "io.kalpana.sso.idToken";
    static final String SSO_SIGN_IN = "/oidc/signin";
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = Logger.getLogger(KalpanaAuthenticationMechanism.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    KalpanaConfig config;

    @Inject
    ProviderTokens providerTokens;

    @Inject
    GroupMapping groupMapping;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    @Inject
    WorkspaceCallers workspaceCallers;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        Optional<String> calling = WorkspaceCallbackPath.workspaceOf(request);
        if (calling.isPresent()) {
            return workspaceCallback(calling.get(), bearerToken(authorization), response, context);
        }
        if (MetricsScraper.isScrape(request, config.metricsToken())) {
            // This one path only, this request only: the scraper holds no account and gets no session.
            return context.notifyContainerAboutLogin(new CallerPrincipal(MetricsScraper.NAME),
                    Set.of(Role.ADMIN.roleName()));
        }
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
            String tokens = config.authMode() == AuthMode.OIDC
                    ? "an access token of the company's identity provider for audience '" + config.oidcApiAudience()
                    + "', or a token from POST /api/v1/tokens"
                    : "a token from POST /api/v1/tokens";
            return refuse(response, "unauthenticated", "Sign in first: send 'Authorization: Bearer <token>' with "
                    + tokens);
        }
        return SignInRedirect.send(request, response, context,
                config.authMode() == AuthMode.OIDC ? SSO_SIGN_IN : LOGIN_PAGE);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_IDENTITY);
        }
    }

    private AuthenticationStatus bearer(String token, HttpServletResponse response, HttpMessageContext context) {
        if (config.authMode() == AuthMode.OIDC && providerTokensClaim(token)) {
            return providerBearer(token, response, context);
        }
        CredentialValidationResult result = identityStores.validate(new BearerTokenCredential(token));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return refuse(response, "invalid_token", "The bearer token is invalid or expired; get a new one from "
                    + "POST /api/v1/tokens");
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * A workspace's container calling Kalpana: only its callback token counts here, never a session or a person's
     * API token, so such a path cannot be reached with more than the workspace's own proof. The call then acts for
     * the owner with the user role alone, for this request only (no session is made).
     */
    private AuthenticationStatus workspaceCallback(String workspace, String token, HttpServletResponse response,
                                                   HttpMessageContext context) {
        Username owner;
        try {
            owner = workspaceCallers.ownerFor(new WorkspaceId(workspace), token);
        } catch (KalpanaException refused) {
            if (refused.kind().httpStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                return refuse(response, refused.code(), refused.getMessage());
            }
            return answer(response, refused.kind().httpStatus(), refused.code(), refused.getMessage());
        }
        return context.notifyContainerAboutLogin(new CallerPrincipal(owner.value()), Set.of(Role.USER.roleName()));
    }

    private static String bearerToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
    }

    private boolean providerTokensClaim(String token) {
        try {
            return providerTokens.claimsToBeFromProvider(token);
        } catch (KalpanaException providerDown) {
            LOG.warning(() -> "cannot tell whether a bearer token is the identity provider's: " + providerDown.getMessage());
            return false;
        }
    }

    /** An access token of the company's identity provider: checked, mapped to roles, the account made if new. */
    private AuthenticationStatus providerBearer(String token, HttpServletResponse response, HttpMessageContext context) {
        ProviderIdentity who;
        try {
            who = groupMapping.identity(providerTokens.accessToken(token));
        } catch (KalpanaException refused) {
            LOG.info(() -> "identity provider token refused: " + refused.getMessage());
            if (refused.kind().httpStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                return refuse(response, refused.code(), refused.getMessage());
            }
            return answer(response, refused.kind().httpStatus(), refused.code(), refused.getMessage());
        }
        if (!who.hasAccess()) {
            return answer(response, HttpServletResponse.SC_FORBIDDEN, "no_access", "Your account " + who.username()
                    + " has no Kalpana access; ask your administrator to add you to group "
                    + String.join(" or ", config.userGroups()));
        }
        users.provisionFromProvider(who.username(), who.displayName(), who.email(), who.roles(), Set.copyOf(who.groups()));
        return context.notifyContainerAboutLogin(new CallerPrincipal(who.username().value()),
                who.roles().stream().map(Role::roleName).collect(Collectors.toSet()));
    }

    /** Starts the portal session of someone who just signed in; a new session id, so a planted one is worth nothing. */
    public static void rememberSignIn(HttpServletRequest request, SessionIdentity identity) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SESSION_IDENTITY, identity);
    }

    /** The provider's ID token, kept for signing out at the provider too. */
    public static void rememberProviderSession(HttpServletRequest request, String idToken) {
        request.getSession(true).setAttribute(PROVIDER_ID_TOKEN, idToken);
    }

    private static AuthenticationStatus answer(HttpServletResponse response, int status, String code, String message) {
        try {
            ErrorJson.write(response, status, code, message);
        } catch (IOException clientGone) {
            // Nothing left to tell a client that has hung up.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus signIn(Credential credential, HttpServletRequest request, HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        rememberSignIn(request,
                new SessionIdentity(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        audit.record(new Username(result.getCallerPrincipal().getName()), "auth.signin",
                "user:" + result.getCallerPrincipal().getName(), "via=form");
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
}
