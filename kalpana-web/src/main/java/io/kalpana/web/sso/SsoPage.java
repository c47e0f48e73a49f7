package io.kalpana.web.sso;

import io.kalpana.config.AuthMode;
import io.kalpana.config.KalpanaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Tells the sign-in page which way in to offer: the form for local accounts, or the company sign-in. */
@Named("sso")
@ApplicationScoped
public class SsoPage {

    @Inject
    KalpanaConfig config;

    public boolean isEnabled() {
        return config.authMode() == AuthMode.OIDC;
    }
}
