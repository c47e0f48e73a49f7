package io.kalpana.web.ide;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request under {@code /w/{id}/ide}: which workspace, and the path (still percent-encoded, as the browser
 * sent it) to ask its code-server for. Dot segments are refused even when encoded, so nothing under the
 * prefix can name a path outside code-server's root.
 *
 * @param workspace    the workspace named in the URL
 * @param upstreamPath the rest of the path, starting with {@code /}; empty when the trailing slash is missing
 * @param query        the raw query string, if any
 */
public record IdePath(WorkspaceId workspace, String upstreamPath, Optional<String> query) {

    /** The URL prefix of the proxy inside Kalpana's context root. */
    public static final String PREFIX = "/w/";
    private static final Pattern SHAPE = Pattern.compile("/w/([^/]*)/ide(/.*)?");
    private static final Pattern PREVIEW = Pattern.compile("/(abs)?proxy/\\d{1,5}(/.*)?");

    /** Parses the request URI with the context path already removed. */
    public static IdePath parse(String pathInContext, String rawQuery) {
        Matcher matcher = SHAPE.matcher(pathInContext);
        if (!matcher.matches()) {
            throw KalpanaException.notFound("workspace_not_found", "There is no such page; IDEs live under /w/<workspace>/ide/");
        }
        WorkspaceId id = new WorkspaceId(matcher.group(1));
        String rest = matcher.group(2) == null ? "" : matcher.group(2);
        refuseTraversal(rest);
        return new IdePath(id, rest, Optional.ofNullable(rawQuery).filter(q -> !q.isEmpty()));
    }

    /** The path under which the browser sees this workspace's IDE, e.g. {@code /w/abc/ide}. */
    public String browserPrefix(String contextPath) {
        return contextPath + PREFIX + workspace.value() + "/ide";
    }

    /** Where a browser opens the IDE of {@code workspace}: its SSO-gated page on Kalpana's own origin. */
    public static String entryPath(String contextPath, WorkspaceId workspace) {
        return contextPath + PREFIX + workspace.value() + "/ide/";
    }

    /** Path and query to request from code-server. */
    public String upstreamTarget() {
        return upstreamPath + query.map(q -> "?" + q).orElse("");
    }

    /** code-server's port forwarding ({@code /proxy/<port>/}): the workspace owner's own dev servers. */
    public boolean isPreview() {
        return PREVIEW.matcher(upstreamPath).matches();
    }

    private static void refuseTraversal(String rawPath) {
        String decoded = percentDecode(rawPath);
        if (decoded.indexOf('\\') >= 0 || decoded.indexOf('\0') >= 0) {
            throw KalpanaException.invalid("invalid_ide_path", "The IDE path contains a backslash or NUL character");
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw KalpanaException.invalid("invalid_ide_path", "The IDE path cannot contain '.' or '..' segments");
            }
        }
    }

    private static String percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '%') {
                throw KalpanaException.invalid("invalid_ide_path", "The IDE path has a malformed percent escape");
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
