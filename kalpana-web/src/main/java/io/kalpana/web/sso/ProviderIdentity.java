package io.kalpana.web.sso;

import io.kalpana.identity.Role;
import io.kalpana.identity.Username;

import java.util.List;
import java.util.Set;

/** A person as the provider's token describes them, with the Kalpana roles their groups map to. */
public record ProviderIdentity(Username username, String displayName, String email, List<String> groups,
                               Set<Role> roles) {

    public ProviderIdentity {
        groups = List.copyOf(groups);
        roles = Set.copyOf(roles);
    }

    public boolean hasAccess() {
        return !roles.isEmpty();
    }
}
