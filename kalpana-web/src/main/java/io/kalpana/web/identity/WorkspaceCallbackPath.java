package io.kalpana.web.identity;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API paths a workspace's container calls with its callback token instead of a person's credentials. Matched on
 * the decoded, normalised path the container routes by, so no spelling of the path slips past.
 */
final class WorkspaceCallbackPath {

    private static final Pattern GIT_CREDENTIAL = Pattern.compile("/api/v1/workspaces/([^/]+)/git-credential/?");

    private WorkspaceCallbackPath() {
    }

    /** The workspace id as written in the path (not yet checked), when {@code request} is such a call. */
    static Optional<String> workspaceOf(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Matcher matcher = GIT_CREDENTIAL.matcher(path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
