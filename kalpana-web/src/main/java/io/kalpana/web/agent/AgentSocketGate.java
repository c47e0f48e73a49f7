package io.kalpana.web.agent;

import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.web.problem.ErrorJson;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Answers the upgrade to /ws/agent/{id} with a plain 404 when the caller may not see the workspace, exactly as
 * the API does, so another person's conversation is never even opened. The endpoint checks again on open.
 */
@WebFilter("/ws/agent/*")
public class AgentSocketGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "/ws/agent/";

    @Inject
    transient WorkspaceService workspaces;

    /** Looked up per request: a filter lives longer than any one signed-in person. */
    @Inject
    transient Instance<Caller> callers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The path relative to the filter's own pattern: no servlet is mapped here, so getPathInfo() has nothing.
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        try {
            workspaces.get(callers.get(), new WorkspaceId(path));
        } catch (KalpanaException e) {
            ErrorJson.write(response, e.kind().httpStatus(), e.code(), e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }
}
