package io.kalpana.web.identity;

import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

/** The signed-in person of the current request, as the services want it. */
@ApplicationScoped
public class CallerProducer {

    @Inject
    SecurityContext security;

    @Produces
    Caller caller() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            throw KalpanaException.unauthenticated("unauthenticated", "Sign in first");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (security.isCallerInRole(role.roleName())) {
                roles.add(role);
            }
        }
        return new Caller(new Username(principal.getName()), roles);
    }
}
