package io.kalpana.runtime;

import io.kalpana.identity.Username;
import io.kalpana.image.ImageReference;
import io.kalpana.port.PortPair;
import io.kalpana.workspace.WorkspaceId;

import java.net.URI;
import java.util.Optional;

/**
 * What a runtime needs to start one workspace: whose it is, which leased host ports it publishes on, where its
 * container reaches Kalpana (empty when that is not known yet), the files a new workspace opens on, and the image it
 * runs (empty: the runtime's configured one).
 */
public record WorkspaceLaunch(WorkspaceId id, Username owner, PortPair ports, Optional<URI> kalpanaUrl,
                              FirstFiles firstFiles, Optional<ImageReference> image) {

    public WorkspaceLaunch(WorkspaceId id, Username owner, PortPair ports) {
        this(id, owner, ports, Optional.empty(), FirstFiles.NONE, Optional.empty());
    }

    public WorkspaceLaunch withFirstFiles(FirstFiles files) {
        return new WorkspaceLaunch(id, owner, ports, kalpanaUrl, files, image);
    }

    public WorkspaceLaunch withImage(ImageReference other) {
        return new WorkspaceLaunch(id, owner, ports, kalpanaUrl, firstFiles, Optional.of(other));
    }
}
