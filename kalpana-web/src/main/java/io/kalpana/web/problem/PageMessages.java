package io.kalpana.web.admin;

import io.kalpana.problem.KalpanaException;
import io.kalpana.web.problem.Problems;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.util.logging.Level;
import java.util.logging.Logger;

/** What the console's sections tell the administrator after an action: the problem's own words, or that it worked. */
final class ConsoleMessages {

    private static final Logger LOG = Logger.getLogger(ConsoleMessages.class.getName());

    private ConsoleMessages() {
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void failed(String what, RuntimeException e) {
        if (Problems.explain(e).isEmpty()) {
            LOG.log(Level.SEVERE, "workspace=? admin console: " + what + " failed", e);
        }
        String text = Problems.explain(e).map(KalpanaException::getMessage)
                .orElse("Something went wrong on Kalpana's side; nothing was changed. Try again.");
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        context.validationFailed();
    }
}
