package io.kalpana.runtime;

/**
 * The secrets handed to one container run: the IDE login password, the bridge's bearer token, and the token the
 * container presents when it calls Kalpana.
 */
public record WorkspaceSecrets(IdePassword idePassword, BridgeToken bridgeToken, CallbackToken callbackToken) {

    public static WorkspaceSecrets generate() {
        return new WorkspaceSecrets(IdePassword.generate(), BridgeToken.generate(), CallbackToken.generate());
    }
}
