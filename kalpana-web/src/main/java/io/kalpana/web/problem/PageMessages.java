package io.kalpana.web.problem;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a page tells the person after an action: that it worked, or the problem in its own words. A failure Kalpana
 * cannot explain is logged with its cause and shown as a plain apology, since nothing was changed.
 */
public final class PageMessages {

    private static final Logger LOG = Logger.getLogger(PageMessages.class.getName());

    private PageMessages() {
    }

    /** A message for the whole page. */
    public static void info(String text) {
        info(null, text);
    }

    /** A message for the component {@code clientId} (a section's own messages), or the whole page when null. */
    public static void info(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** {@code what} names the action in the log, e.g. "creating a user". */
    public static void failed(String what, RuntimeException e) {
        failed(null, what, e);
    }

    public static void failed(String clientId, String what, RuntimeException e) {
        report("*", clientId, what, e);
    }

    /** A failed action on one workspace: as {@link #failed(String, RuntimeException)}, with the workspace in the log line. */
    public static void failedOn(WorkspaceId workspace, String what, RuntimeException e) {
        report(workspace.value(), null, what, e);
    }

    private static void report(String workspace, String clientId, String what, RuntimeException e) {
        if (Problems.explain(e).isEmpty()) {
            LOG.log(Level.SEVERE, "workspace=" + workspace + " " + what + " failed", e);
        }
        String text = Problems.explain(e).map(KalpanaException::getMessage)
                .orElse("Something went wrong on Kalpana's side; nothing was changed. Try again.");
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        context.validationFailed();
    }
}
