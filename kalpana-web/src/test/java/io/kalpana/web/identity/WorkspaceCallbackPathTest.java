package io.kalpana.web.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkspaceCallbackPathTest {

    @Test
    void onlyTheGitCredentialPathOfAWorkspaceIsACallback() {
        assertEquals(Optional.of("abc123"), WorkspaceCallbackPath.workspaceOf(request("/api/v1", "/workspaces/abc123/git-credential")));
        assertEquals(Optional.of("abc123"), WorkspaceCallbackPath.workspaceOf(request("/api/v1", "/workspaces/abc123/git-credential/")));
        assertEquals(Optional.of("not a valid id"),
                WorkspaceCallbackPath.workspaceOf(request("/api/v1", "/workspaces/not a valid id/git-credential")),
                "checked later, where an invalid id is a 404 like any other");
        for (String other : new String[]{"/workspaces/abc123", "/workspaces/abc123/start", "/me/git-credentials",
                "/workspaces/abc123/git-credential/x", "/workspaces/abc/123/git-credential", "/workspaces//git-credential",
                "/workspaces/abc123/git-credentials"}) {
            assertEquals(Optional.empty(), WorkspaceCallbackPath.workspaceOf(request("/api/v1", other)), other);
        }
        assertEquals(Optional.empty(), WorkspaceCallbackPath.workspaceOf(request("/w", "/abc123/git-credential")));
        assertEquals(Optional.empty(), WorkspaceCallbackPath.workspaceOf(request("/index.xhtml", null)));
    }

    private static HttpServletRequest request(String servletPath, String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(WorkspaceCallbackPathTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
