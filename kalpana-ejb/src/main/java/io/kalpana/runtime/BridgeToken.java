package io.kalpana.runtime;

/** The bearer token the workspace's bridge accepts during one container run. Never printed. */
public record BridgeToken(String value) {

    public static BridgeToken generate() {
        return new BridgeToken(RandomSecret.next());
    }

    @Override
    public String toString() {
        return "BridgeToken[***]";
    }
}
