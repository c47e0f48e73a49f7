package io.kalpana.web.identity;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sends a person without a session to the sign-in page, saying where they were going and whether a session of theirs
 * has just ended. A click on a page whose session ended is a JSF ajax request: an HTTP redirect would be followed by
 * the request itself, its answer (the sign-in page) thrown away by the page, and the click would do nothing at all.
 * Such a request gets the redirect as a partial response, which the page follows as a whole.
 */
final class SignInRedirect {

    static final String ENDED = "ended";

    private SignInRedirect() {
    }

    static AuthenticationStatus send(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
                                     String signInPath) {
        String target = request.getContextPath() + signInPath + "?next="
                + URLEncoder.encode(originalTarget(request), StandardCharsets.UTF_8)
                + (sessionEnded(request) ? "&" + ENDED + "=true" : "");
        if (!isFacesAjax(request)) {
            return context.redirect(target);
        }
        try {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<partial-response><redirect url=\""
                    + target.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                    + "\"/></partial-response>");
        } catch (IOException clientGone) {
            // Nothing left to tell a page that has gone.
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** The browser sent the id of a session that no longer exists: signed out elsewhere, timed out or restarted. */
    static boolean sessionEnded(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }

    static boolean isFacesAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    private static String originalTarget(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
