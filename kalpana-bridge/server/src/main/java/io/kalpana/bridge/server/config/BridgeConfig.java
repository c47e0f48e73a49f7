package io.kalpana.bridge.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Everything the bridge needs to know at startup. */
public record BridgeConfig(BridgeToken token, Path root, String bindAddress, int port,
                           Duration defaultExecTimeout, Duration maxExecTimeout, int maxConcurrentCommands,
                           ByteSize maxOutput, ByteSize maxRead, ByteSize maxMessage, Optional<Path> ripgrep) {
}
