package io.kalpana.web.ide;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Sign-out and session expiry end the IDE connections opened under the session. */
@WebListener
public class SessionEndClosesTunnels implements HttpSessionListener {

    @Inject
    OpenTunnels tunnels;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        tunnels.sessionEnded(event.getSession().getId());
    }
}
