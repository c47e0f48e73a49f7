package io.kalpana.web.sso;

import io.kalpana.config.KalpanaConfig;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads who someone is from the provider's claims and maps their groups to Kalpana roles by configuration
 * ({@code kalpana.auth.admin-groups}, {@code kalpana.auth.user-groups}); groups mapped to nothing give nothing.
 */
@ApplicationScoped
public class GroupMapping {

    @Inject
    KalpanaConfig config;

    public ProviderIdentity identity(JsonObject claims) {
        String claimedName = claims.getString(config.oidcUsernameClaim(), "");
        Username username;
        try {
            username = Username.of(claimedName);
        } catch (KalpanaException invalid) {
            throw KalpanaException.forbidden("unusable_username", "The identity provider calls you '" + claimedName
                    + "' (claim " + config.oidcUsernameClaim() + "), which is not a valid Kalpana username: "
                    + invalid.getMessage());
        }
        List<String> groups = groups(claims);
        return new ProviderIdentity(username, claims.getString("name", null), claims.getString("email", null),
                groups, roles(groups));
    }

    Set<Role> roles(List<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups) {
            if (config.adminGroups().contains(group)) {
                roles.add(Role.ADMIN);
            }
            if (config.userGroups().contains(group)) {
                roles.add(Role.USER);
            }
        }
        return roles;
    }

    /** The roles claim, as a list or a single string; a dotted name reaches into objects (realm_access.roles). */
    private List<String> groups(JsonObject claims) {
        JsonValue value = claims;
        for (String step : config.rolesClaim().split("\\.")) {
            if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
                return List.of();
            }
            value = value.asJsonObject().get(step);
        }
        List<String> groups = new ArrayList<>();
        if (value instanceof JsonString single) {
            groups.add(strip(single.getString()));
        } else if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().stream().filter(JsonString.class::isInstance)
                    .map(item -> strip(((JsonString) item).getString())).forEach(groups::add);
        }
        return groups;
    }

    /** Keycloak's group mapper writes full paths ("/kalpana-users"); configuration names groups without the slash. */
    private static String strip(String group) {
        return group.startsWith("/") ? group.substring(1) : group;
    }
}
