package io.kalpana.web;

import io.kalpana.runtime.KalpanaCallbackUrl;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/** Tells {@link KalpanaCallbackUrl} the port of Kalpana's plain-HTTP listener, from the requests it serves. */
@WebListener
public class HttpPortObserver implements ServletRequestListener {

    @Inject
    KalpanaCallbackUrl callbackUrl;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (!event.getServletRequest().isSecure()) {
            callbackUrl.observeHttpPort(event.getServletRequest().getLocalPort());
        }
    }
}
