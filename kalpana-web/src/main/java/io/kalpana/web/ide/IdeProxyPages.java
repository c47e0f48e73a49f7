package io.kalpana.web.ide;

import io.kalpana.web.problem.ErrorJson;
import io.kalpana.web.workspace.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/**
 * What the proxy answers itself: a short page for a person who navigated here, JSON for VS Code's own
 * requests, which would not show a page anyway.
 */
final class IdeProxyPages {

    private IdeProxyPages() {
    }

    /** A top-level navigation by a person, as opposed to a script's request or a WebSocket. */
    static boolean isNavigation(HttpServletRequest request) {
        if (UpstreamHandshake.isWebSocketUpgrade(request) || request.getHeader("X-Requested-With") != null) {
            return false;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null) {
            return mode.equals("navigate");
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    static void problem(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setHeader("Cache-Control", "no-store");
        if (!isNavigation(request)) {
            ErrorJson.write(response, status, code, message);
            return;
        }
        page(request, response, status, "<p>" + Html.escape(message) + "</p>");
    }

    static void stopped(HttpServletRequest request, HttpServletResponse response, String workspaceName, String status)
            throws IOException {
        String message = "Workspace '" + workspaceName + "' is " + status.toLowerCase(Locale.ROOT)
                + " — start it on the dashboard, then open its IDE again.";
        if (!isNavigation(request)) {
            response.setHeader("Cache-Control", "no-store");
            ErrorJson.write(response, HttpServletResponse.SC_CONFLICT, "workspace_not_running", message);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        page(request, response, HttpServletResponse.SC_CONFLICT, "<p class=\"k-stopped\">Workspace <strong>"
                + Html.escape(workspaceName) + "</strong> is " + Html.escape(status.toLowerCase(Locale.ROOT))
                + " — start it on the dashboard, then open its IDE again.</p>");
    }

    private static void page(HttpServletRequest request, HttpServletResponse response, int status, String body)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Kalpana</title></head>"
                + "<body style=\"font-family:sans-serif;margin:3em\">" + body + "<p><a href=\"" + request.getContextPath()
                + "/\">Back to your workspaces</a></p></body></html>");
    }
}
