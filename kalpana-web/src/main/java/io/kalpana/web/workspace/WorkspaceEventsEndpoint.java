package io.kalpana.web.workspace;

import io.kalpana.identity.Username;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.security.Principal;

/**
 * The dashboard's live channel: status changes of the signed-in person's workspaces, as they happen; with
 * {@code ?scope=all}, an administrator's console gets every workspace's changes instead.
 * The upgrade request is authenticated like any portal page; without a signed-in person it is closed.
 */
@ServerEndpoint(value = "/ws/workspaces", configurator = WatchScope.class)
public class WorkspaceEventsEndpoint {

    @Inject
    WorkspaceWatch watch;

    @OnOpen
    public void open(Session session) throws IOException {
        Principal principal = session.getUserPrincipal();
        if (principal == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
            return;
        }
        if (WatchScope.wantsAll(session)) {
            watch.watchAll(session);
        } else {
            watch.watch(new Username(principal.getName()), session);
        }
    }

    /** The page's fingerprint of what it rendered: answered with a "stale" message when it no longer matches. */
    @OnMessage
    public void rendered(String fingerprint, Session session) {
        Principal principal = session.getUserPrincipal();
        if (principal == null) {
            return;
        }
        try {
            if (watch.isStale(new Username(principal.getName()), Integer.parseInt(fingerprint.strip()))) {
                session.getAsyncRemote().sendText("{\"type\":\"stale\"}");
            }
        } catch (NumberFormatException e) {
            // Not from our page; nothing to compare.
        }
    }

    @OnClose
    public void close(Session session) {
        forget(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        forget(session);
    }

    private void forget(Session session) {
        Principal principal = session.getUserPrincipal();
        watch.unwatchAll(session);
        if (principal != null) {
            watch.unwatch(new Username(principal.getName()), session);
        }
    }
}
