package io.kalpana.web.problem;

import io.kalpana.web.identity.LocalPath;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A click on a page whose state the session no longer keeps (left open while many other pages were opened, more than
 * the session holds) reloads that page and says the click did nothing. Left alone, a click by ajax was dropped without
 * a word, and any other showed the sign-in form to someone signed in. Without a session the authentication mechanism
 * answers first, so this is only ever a signed-in person's page.
 */
public class ExpiredViewHandler extends ExceptionHandlerWrapper {

    static final String SAID = "This page had expired, so your last click did nothing. It has been reloaded: please try again.";
    private static final Logger LOG = Logger.getLogger(ExpiredViewHandler.class.getName());

    ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        boolean expired = false;
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            if (getRootCause(events.next().getContext().getException()) instanceof ViewExpiredException) {
                events.remove();
                expired = true;
            }
        }
        if (expired) {
            reload(FacesContext.getCurrentInstance());
        }
        getWrapped().handle();
    }

    private static void reload(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String page = external.getRequestContextPath() + pageShown(request);
        LOG.info(() -> "workspace=* an expired page reloaded for " + external.getRemoteUser() + ": " + page);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, SAID, null));
        external.getFlash().setKeepMessages(true);
        try {
            external.redirect(page);
        } catch (IOException browserGone) {
            // Nobody is left to reload the page for.
        }
        faces.responseComplete();
    }

    /**
     * The page as the browser shows it: its address, query included, is the Referer of the click (a form posts to
     * the bare page, without e.g. the workspace page's id). Only a path of Kalpana's own on the same host is taken, and
     * only as a {@link LocalPath}, so a Referer such as {@code http://kalpana//elsewhere/} cannot send anyone off the site.
     */
    private static String pageShown(HttpServletRequest request) {
        String posted = request.getRequestURI().substring(request.getContextPath().length());
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return posted;
        }
        try {
            URI shown = URI.create(referer);
            String path = shown.getRawPath();
            if (shown.getRawAuthority() == null || !shown.getRawAuthority().equalsIgnoreCase(request.getHeader("Host"))
                    || path == null || !path.startsWith(request.getContextPath() + "/")) {
                return posted;
            }
            String local = path.substring(request.getContextPath().length());
            return LocalPath.orHome(shown.getRawQuery() == null ? local : local + "?" + shown.getRawQuery());
        } catch (IllegalArgumentException unreadable) {
            return posted;
        }
    }
}
