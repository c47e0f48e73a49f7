package io.kalpana.runtime;

import io.kalpana.identity.Username;
import io.kalpana.workspace.WorkspaceId;

import java.util.Map;

/**
 * Names and labels of a workspace's Docker objects. Derived from the workspace id alone, so a restarted
 * Kalpana finds its containers and volumes without having stored anything about them.
 */
final class ContainerNaming {

    static final String WORKSPACE_LABEL = "io.kalpana.workspace";
    static final String OWNER_LABEL = "io.kalpana.owner";
    static final String MANAGED_LABEL = "io.kalpana.managed";
    static final String INSTALLATION_LABEL = "io.kalpana.installation";

    private static final String PREFIX = "kalpana-ws-";

    private ContainerNaming() {
    }

    static String container(WorkspaceId id) {
        return PREFIX + id.value();
    }

    static String volume(WorkspaceId id) {
        return PREFIX + id.value();
    }

    static Map<String, String> labels(WorkspaceId id, Username owner, String installation) {
        return Map.of(WORKSPACE_LABEL, id.value(), OWNER_LABEL, owner.value(), MANAGED_LABEL, "true",
                INSTALLATION_LABEL, installation);
    }

    /** Only this installation's objects: another Kalpana on the same engine keeps its own. */
    static Map<String, String> managedBy(String installation) {
        return Map.of(MANAGED_LABEL, "true", INSTALLATION_LABEL, installation);
    }
}
