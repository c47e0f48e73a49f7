package io.kalpana.web.identity;

import io.kalpana.web.PublicAddress;
import io.kalpana.audit.AuditLog;
import io.kalpana.config.AuthMode;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.web.sso.OpenIdProvider;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Ends the session; in oidc mode also the identity provider's session (RP-initiated logout), so that the next
 * sign-in asks for the password again. POST only, so that a link on another site cannot sign anyone out.
 */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

    @Inject
    PublicAddress address;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SignOutServlet.class.getName());

    @Inject
    KalpanaConfig config;

    @Inject
    OpenIdProvider provider;

    @Inject
    AuditLog audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        String idToken = session == null ? null : (String) session.getAttribute(KalpanaAuthenticationMechanism.PROVIDER_ID_TOKEN);
        if (session != null && session.getAttribute(KalpanaAuthenticationMechanism.SESSION_IDENTITY)
                instanceof SessionIdentity identity) {
            audit.record(new Username(identity.username()), "auth.signout", "user:" + identity.username(), "");
        }
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        String signedOut = address.base(request) + KalpanaAuthenticationMechanism.LOGIN_PAGE + "?signedOut=true";
        Optional<URI> providerLogout = config.authMode() == AuthMode.OIDC && idToken != null
                ? endSession(idToken, signedOut) : Optional.empty();
        response.sendRedirect(providerLogout.map(URI::toString).orElse(signedOut));
    }

    private Optional<URI> endSession(String idToken, String returnTo) {
        try {
            return provider.metadata().endSessionEndpoint().map(endpoint -> URI.create(endpoint
                    + (endpoint.getRawQuery() == null ? "?" : "&")
                    + "id_token_hint=" + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
                    + "&client_id=" + URLEncoder.encode(config.oidcClientId(), StandardCharsets.UTF_8)
                    + "&post_logout_redirect_uri=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)));
        } catch (KalpanaException providerDown) {
            LOG.warning(() -> "signed out of Kalpana only; the identity provider is unreachable: " + providerDown.getMessage());
            return Optional.empty();
        }
    }
}
