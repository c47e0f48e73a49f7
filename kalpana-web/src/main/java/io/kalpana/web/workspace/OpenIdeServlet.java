package io.kalpana.web.workspace;

import io.kalpana.config.KalpanaConfig;
import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.runtime.WorkspaceSecrets;
import io.kalpana.web.SecurityHeadersFilter;
import io.kalpana.web.problem.Problems;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceLifecycle;
import io.kalpana.workspace.WorkspaceService;
import io.kalpana.workspace.WorkspaceStatus;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * "Open IDE": signs the owner into the workspace's code-server by posting the per-workspace password to
 * its login form from the owner's own browser. The password is in this response only, which only the
 * owner (or an admin) gets; it never appears in a URL.
 */
@WebServlet("/workspaces/open")
public class OpenIdeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WorkspaceService workspaces;

    @Inject
    transient WorkspaceLifecycle lifecycle;

    @Inject
    transient KalpanaConfig config;

    /** Looked up per request: a servlet lives longer than any one signed-in person. */
    @Inject
    transient Instance<Caller> callers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        try {
            Caller caller = callers.get();
            WorkspaceId id = new WorkspaceId(request.getParameter("id"));
            Workspace workspace = workspaces.get(caller, id);
            if (workspace.status() != WorkspaceStatus.RUNNING || workspace.ports().isEmpty()) {
                throw KalpanaException.conflict("workspace_not_running",
                        "Workspace '" + workspace.name() + "' is " + workspace.status() + "; start it first");
            }
            WorkspaceSecrets secrets = lifecycle.secretsOf(caller, id).orElseThrow(() -> KalpanaException.conflict(
                    "ide_password_unknown", "Kalpana no longer knows this workspace's IDE password; stop and start it again"));
            String ideUrl = config.ideUrl(workspace.ports().get().ide());
            String ideOrigin = ideUrl.substring(0, ideUrl.length() - 1);
            response.setHeader("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY
                    .replace("form-action 'self'", "form-action 'self' " + ideOrigin));
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Opening "
                    + Html.escape(workspace.name().value()) + " · Kalpana</title></head>"
                    + "<body style=\"font-family:sans-serif;margin:3em\"><p>Opening VS Code for <strong>"
                    + Html.escape(workspace.name().value()) + "</strong>…</p>"
                    + "<form id=\"ide-login\" method=\"post\" action=\"" + Html.escape(ideUrl) + "login\">"
                    + "<input type=\"hidden\" name=\"password\" value=\"" + Html.escape(secrets.idePassword().value()) + "\">"
                    + "<noscript><button type=\"submit\">Open VS Code</button></noscript></form>"
                    + "<script>document.getElementById('ide-login').submit();</script></body></html>");
        } catch (RuntimeException e) {
            KalpanaException problem = Problems.explain(e).orElseThrow(() -> e);
            response.setStatus(problem.kind().httpStatus());
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Kalpana</title></head>"
                    + "<body style=\"font-family:sans-serif;margin:3em\"><p>" + Html.escape(problem.getMessage())
                    + "</p><p><a href=\"" + request.getContextPath() + "/\">Back to your workspaces</a></p></body></html>");
        }
    }
}
