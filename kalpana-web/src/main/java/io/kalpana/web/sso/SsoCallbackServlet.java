package io.kalpana.web.sso;

import io.kalpana.audit.AuditLog;
import io.kalpana.config.AuthMode;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.identity.Role;
import io.kalpana.identity.UserService;
import io.kalpana.problem.KalpanaException;
import io.kalpana.web.identity.KalpanaAuthenticationMechanism;
import io.kalpana.web.identity.SessionIdentity;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Where the identity provider sends the browser back after sign-in: checks the answer, creates the account at
 * the first sign-in, and starts the portal session; or explains, with a page, why there is no access.
 */
@WebServlet(AuthorizationCodeFlow.CALLBACK_PATH)
public class SsoCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SsoCallbackServlet.class.getName());

    @Inject
    KalpanaConfig config;

    @Inject
    AuthorizationCodeFlow flow;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (config.authMode() != AuthMode.OIDC) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        AuthorizationCodeFlow.ProviderSignIn signIn;
        try {
            signIn = flow.complete(request);
        } catch (KalpanaException refused) {
            LOG.warning(() -> "sign-in through the identity provider failed: " + refused.getMessage());
            SsoPages.failed(request, response, refused.kind().httpStatus(), refused.getMessage());
            return;
        }
        ProviderIdentity who = signIn.identity();
        // Kept even without access, so that signing out also ends the provider's session.
        KalpanaAuthenticationMechanism.rememberProviderSession(request, signIn.idToken());
        if (!who.hasAccess()) {
            audit.record(who.username(), "auth.signin.refused", "user:" + who.username(),
                    "via=oidc groups=" + who.groups());
            LOG.info(() -> "user=" + who.username() + " refused: groups " + who.groups() + " map to no Kalpana role");
            SsoPages.noAccess(request, response, who, config.userGroups());
            return;
        }
        users.provisionFromProvider(who.username(), who.displayName(), who.email(), who.roles(), Set.copyOf(who.groups()));
        KalpanaAuthenticationMechanism.rememberSignIn(request, new SessionIdentity(who.username().value(),
                who.roles().stream().map(Role::roleName).collect(Collectors.toSet())));
        audit.record(who.username(), "auth.signin", "user:" + who.username(), "via=oidc roles=" + who.roles());
        LOG.info(() -> "user=" + who.username() + " signed in through the identity provider with roles " + who.roles());
        response.sendRedirect(request.getContextPath() + signIn.next());
    }
}
