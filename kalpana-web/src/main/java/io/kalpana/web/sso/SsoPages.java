package io.kalpana.web.sso;

import io.kalpana.web.workspace.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/** The few pages of the SSO flow that are not Faces views: written by hand, every inserted string escaped. */
final class SsoPages {

    private SsoPages() {
    }

    static void noAccess(HttpServletRequest request, HttpServletResponse response, ProviderIdentity who,
                         List<String> userGroups) throws IOException {
        String groups = userGroups.isEmpty() ? "a Kalpana group" : "group " + String.join(" or ", userGroups);
        write(request, response, HttpServletResponse.SC_FORBIDDEN, "No access to Kalpana",
                "<p id=\"no-access\">Your account <strong>" + Html.escape(who.username().value())
                        + "</strong> has no Kalpana access; ask your administrator to add you to <strong>"
                        + Html.escape(groups) + "</strong>.</p>"
                        + "<p class=\"k-hint\">Your groups: " + Html.escape(who.groups().isEmpty() ? "none"
                        : String.join(", ", who.groups())) + "</p>"
                        + signOutForm(request, "Sign out of the company sign-in"));
    }

    static void failed(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        write(request, response, status, "Sign-in failed", "<p id=\"sign-in-failed\">" + Html.escape(message) + "</p>"
                + "<p><a href=\"" + Html.escape(request.getContextPath()) + "/\">Try again</a></p>");
    }

    private static String signOutForm(HttpServletRequest request, String label) {
        return "<form method=\"post\" action=\"" + Html.escape(request.getContextPath()) + "/signout\">"
                + "<button id=\"signout\" type=\"submit\">" + Html.escape(label) + "</button></form>";
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                              String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>"
                + Html.escape(title) + " · Kalpana</title><link rel=\"stylesheet\" href=\""
                + Html.escape(request.getContextPath()) + "/jakarta.faces.resource/kalpana.css.xhtml?ln=kalpana\">"
                + "</head><body><div class=\"k-login\"><h1>" + Html.escape(title) + "</h1>" + body
                + "</div></body></html>");
    }
}
