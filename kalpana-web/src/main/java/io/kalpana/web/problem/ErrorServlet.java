package io.kalpana.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * Answers what the container rejects before any application code runs (403 on a role check, 404, 500):
 * JSON under {@code /api/}, a short page elsewhere; never a stack trace.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] {"bad_request", "The request is malformed"},
            401, new String[] {"unauthenticated", "Sign in first"},
            403, new String[] {"forbidden", "You are not allowed to do this"},
            404, new String[] {"not_found", "There is nothing at this address"},
            405, new String[] {"method_not_allowed", "This address does not accept that method"},
            413, new String[] {"payload_too_large", "The request body is too large"},
            500, new String[] {"internal_error", "Something went wrong on Kalpana's side; nothing you sent was lost"});

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : 500;
        String[] known = KNOWN.getOrDefault(status, new String[] {"http_" + status, "The request failed"});
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            ErrorJson.write(response, status, known[0], known[1]);
            return;
        }
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Kalpana: " + status
                + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + status + "</h1><p>"
                + known[1] + ".</p><p><a href=\"" + request.getContextPath() + "/\">Back to your workspaces</a></p>"
                + "</body></html>");
    }
}
