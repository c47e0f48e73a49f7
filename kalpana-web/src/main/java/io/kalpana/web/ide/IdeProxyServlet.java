package io.kalpana.web.ide;

import io.kalpana.identity.Caller;
import io.kalpana.metrics.KalpanaMetrics;
import io.kalpana.problem.KalpanaException;
import io.kalpana.web.problem.Problems;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /w/{workspaceId}/ide/...}: VS Code of a workspace on Kalpana's own origin. Every request, WebSocket
 * upgrades included, is checked against the signed-in person (owner or admin; anyone else gets the same 404 as
 * for a workspace that does not exist) and the workspace's state before it is passed to code-server.
 */
@WebServlet(urlPatterns = "/w/*", asyncSupported = true)
public class IdeProxyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IdeProxyServlet.class.getName());

    /** code-server needs frames of its own origin (webviews) and its own scripts; nobody else may frame it. */
    static final String IDE_POLICY = "frame-ancestors 'self'; object-src 'none'";
    /**
     * Previews run the workspace owner's own code on Kalpana's origin: sandboxed into an opaque origin so that
     * code cannot read Kalpana's pages or use the viewer's session (which may be an admin's).
     */
    static final String PREVIEW_POLICY = "sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads "
            + "allow-popups-to-escape-sandbox; frame-ancestors 'self'; object-src 'none'";

    @Inject
    transient IdeUpstreams upstreams;

    @Inject
    transient HttpForwarder http;

    @Inject
    transient ProxyActivity activity;

    @Inject
    transient KalpanaMetrics metrics;

    /** Looked up per request: a servlet lives longer than any one signed-in person. */
    @Inject
    transient Instance<Caller> callers;

    @Resource
    transient ManagedThreadFactory threads;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String pathInContext = request.getRequestURI().substring(request.getContextPath().length());
        IdePath path = null;
        try {
            path = IdePath.parse(pathInContext, request.getQueryString());
            if (request.getUserPrincipal() == null) {
                refuseAnonymous(request, response, pathInContext);
                return;
            }
            Caller caller = callers.get();
            if (caller.roles().isEmpty()) {
                throw KalpanaException.forbidden("forbidden", "Your account has no Kalpana role");
            }
            if (path.upstreamPath().isEmpty()) {
                // code-server's pages use relative URLs, which only resolve under the trailing slash.
                response.sendRedirect(path.browserPrefix(request.getContextPath()) + "/"
                        + path.query().map(q -> "?" + q).orElse(""));
                return;
            }
            IdeUpstream upstream = upstreams.resolve(caller, path.workspace());
            activity.seen(path.workspace());
            metrics.ideProxyRequest();
            response.setHeader("Content-Security-Policy", path.isPreview() ? PREVIEW_POLICY : IDE_POLICY);
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
            if (UpstreamHandshake.isWebSocketUpgrade(request)) {
                tunnel(request, response, path, upstream);
            } else {
                http.forward(request, response, path, upstream, kalpanaSessionCookie(request));
            }
        } catch (WorkspaceNotRunning e) {
            IdeProxyPages.stopped(request, response, e.workspace().name().value(), e.workspace().status().name());
        } catch (UpstreamFailure e) {
            String workspace = path.workspace().value();
            upstreams.forget(path.workspace());
            metrics.ideProxyUpstreamError();
            LOG.log(Level.WARNING, () -> "workspace=" + workspace + " code-server did not answer the IDE proxy for "
                    + pathInContext + ": " + e.getCause());
            IdeProxyPages.problem(request, response, HttpServletResponse.SC_BAD_GATEWAY, "ide_unreachable",
                    "The workspace's VS Code does not answer; it may still be starting or have stopped. Try again in a moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            IdeProxyPages.problem(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "interrupted",
                    "Kalpana is shutting down; try again in a moment.");
        } catch (RuntimeException e) {
            KalpanaException problem = Problems.explain(e).orElseThrow(() -> e);
            IdeProxyPages.problem(request, response, problem.kind().httpStatus(), problem.code(), problem.getMessage());
        }
    }

    private void refuseAnonymous(HttpServletRequest request, HttpServletResponse response, String pathInContext)
            throws IOException {
        if (IdeProxyPages.isNavigation(request) && "GET".equals(request.getMethod())) {
            String target = request.getQueryString() == null ? pathInContext : pathInContext + "?" + request.getQueryString();
            response.sendRedirect(request.getContextPath() + "/login.xhtml?next="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));
            return;
        }
        response.setHeader("WWW-Authenticate", "Session realm=\"kalpana\"");
        IdeProxyPages.problem(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated",
                "Sign in to Kalpana first");
    }

    private void tunnel(HttpServletRequest request, HttpServletResponse response, IdePath path, IdeUpstream upstream)
            throws IOException, ServletException, UpstreamFailure {
        UpstreamHandshake handshake;
        UpstreamHandshake.Answer answer;
        try {
            handshake = UpstreamHandshake.connect(upstream);
        } catch (IOException e) {
            throw new UpstreamFailure(e);
        }
        try {
            answer = handshake.shake(request, path, upstream, kalpanaSessionCookie(request));
        } catch (IOException e) {
            handshake.socket().close();
            throw new UpstreamFailure(e);
        }
        if (answer.status() != HttpServletResponse.SC_SWITCHING_PROTOCOLS) {
            handshake.socket().close();
            LOG.warning(() -> "workspace=" + upstream.workspace() + " code-server refused a WebSocket with status " + answer.status());
            IdeProxyPages.problem(request, response, answer.status() == 403 ? 403 : HttpServletResponse.SC_BAD_GATEWAY,
                    "ide_websocket_refused", "The workspace's VS Code refused the connection (status " + answer.status() + ")");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        for (Map.Entry<String, String> header : answer.headers()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Upgrade") || name.equalsIgnoreCase("Connection")
                    || name.regionMatches(true, 0, "Sec-WebSocket-", 0, "Sec-WebSocket-".length())) {
                response.addHeader(name, header.getValue());
            }
        }
        // The session is looked up before the upgrade: afterwards the request no longer belongs to the web container.
        HttpSession session = request.getSession(false);
        WebSocketTunnel tunnel = request.upgrade(WebSocketTunnel.class);
        if (session == null) {
            tunnel.connectTo(handshake, threads, upstream.workspace(), () -> activity.seen(upstream.workspace()), () -> { });
        } else {
            OpenTunnels ofSession = OpenTunnels.of(session);
            tunnel.connectTo(handshake, threads, upstream.workspace(), () -> activity.seen(upstream.workspace()),
                    () -> ofSession.closed(tunnel));
            ofSession.opened(tunnel);
        }
        // Sends the 101 now: a client that waits for it before speaking (and a server that waits for the client)
        // would otherwise wait for each other.
        response.flushBuffer();
    }

    private static String kalpanaSessionCookie(HttpServletRequest request) {
        String name = request.getServletContext().getSessionCookieConfig().getName();
        return name == null || name.isBlank() ? "JSESSIONID" : name;
    }
}
