package io.kalpana.runtime;

/** The two secrets handed to one container run: the IDE login password and the bridge's bearer token. */
public record WorkspaceSecrets(IdePassword idePassword, BridgeToken bridgeToken) {

    public static WorkspaceSecrets generate() {
        return new WorkspaceSecrets(IdePassword.generate(), BridgeToken.generate());
    }
}
