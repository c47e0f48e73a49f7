package io.kalpana.identity;

import java.util.Set;

/** The person a service call is made for, as the web layer authenticated them. */
public record Caller(Username username, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Whether this caller may see and act on something owned by {@code owner}. */
    public boolean mayAccess(Username owner) {
        return isAdmin() || username.equals(owner);
    }
}
