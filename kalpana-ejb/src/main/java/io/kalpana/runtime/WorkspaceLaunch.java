package io.kalpana.runtime;

import io.kalpana.identity.Username;
import io.kalpana.port.PortPair;
import io.kalpana.workspace.WorkspaceId;

/** What a runtime needs to start one workspace: whose it is and which leased host ports it publishes on. */
public record WorkspaceLaunch(WorkspaceId id, Username owner, PortPair ports) {
}
