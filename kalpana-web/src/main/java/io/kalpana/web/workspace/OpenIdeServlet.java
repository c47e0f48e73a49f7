package io.kalpana.web.workspace;

import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.web.ide.IdePath;
import io.kalpana.web.problem.Problems;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceId;
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
 * "Open IDE": sends the owner (or an admin) to the workspace's IDE behind Kalpana's proxy, which signs in to
 * code-server itself, so nobody types or even receives the IDE password. A stopped workspace gets a clear
 * page here rather than a broken editor.
 */
@WebServlet("/workspaces/open")
public class OpenIdeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WorkspaceService workspaces;

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
            response.sendRedirect(IdePath.entryPath(request.getContextPath(), id));
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
