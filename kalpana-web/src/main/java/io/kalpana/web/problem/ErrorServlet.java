package io.kalpana.web.problem;

import io.kalpana.web.workspace.Html;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Answers what the container rejects before any application code runs (403 on a role check, 404, 500):
 * JSON under {@code /api/}, a short page elsewhere; never a stack trace.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : 500;
        HttpStatusProblem known = HttpStatusProblem.of(status)
                .orElse(new HttpStatusProblem("http_" + status, "The request failed"));
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            ErrorJson.write(response, status, known.code(), known.message());
            return;
        }
        String message = known.message() + ".";
        if (status == 403 && uri.startsWith(request.getContextPath() + "/admin")) {
            // Signed in, but without the admin role: say what is missing and whom to ask, not only "no".
            message = "The admin console is for administrators. You are signed in as "
                    + Html.escape(request.getRemoteUser() == null ? "someone without the admin role" : request.getRemoteUser())
                    + ", who does not have the admin role; ask an administrator if you need it.";
        }
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Kalpana: " + status
                + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + status + "</h1><p>"
                + message + "</p><p><a href=\"" + request.getContextPath() + "/\">Back to your workspaces</a></p>"
                + "</body></html>");
    }
}
