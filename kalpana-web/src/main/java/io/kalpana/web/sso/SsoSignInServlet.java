package io.kalpana.web.sso;

import io.kalpana.config.AuthMode;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.problem.KalpanaException;
import io.kalpana.web.identity.LocalPath;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Starts a sign-in at the company's identity provider; the portal sends people here when they are not signed in. */
@WebServlet("/oidc/signin")
public class SsoSignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    KalpanaConfig config;

    @Inject
    AuthorizationCodeFlow flow;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (config.authMode() != AuthMode.OIDC) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            response.sendRedirect(flow.begin(request, LocalPath.orHome(request.getParameter("next"))).toString());
        } catch (KalpanaException unavailable) {
            SsoPages.failed(request, response, unavailable.kind().httpStatus(), unavailable.getMessage());
        }
    }
}
