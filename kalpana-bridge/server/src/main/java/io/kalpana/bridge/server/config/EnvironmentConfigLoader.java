package io.kalpana.bridge.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Builds a {@link BridgeConfig} from environment variables; see PROTOCOL.md for the list. */
public final class EnvironmentConfigLoader {

    public static final String TOKEN = "KALPANA_BRIDGE_TOKEN";
    public static final String ROOT = "KALPANA_BRIDGE_ROOT";
    public static final String PORT = "KALPANA_BRIDGE_PORT";
    public static final String BIND = "KALPANA_BRIDGE_BIND";
    public static final String EXEC_TIMEOUT = "KALPANA_BRIDGE_EXEC_TIMEOUT_MS";
    public static final String EXEC_MAX_TIMEOUT = "KALPANA_BRIDGE_EXEC_MAX_TIMEOUT_MS";
    public static final String MAX_COMMANDS = "KALPANA_BRIDGE_MAX_COMMANDS";
    public static final String MAX_OUTPUT = "KALPANA_BRIDGE_MAX_OUTPUT_BYTES";
    public static final String MAX_READ = "KALPANA_BRIDGE_MAX_READ_BYTES";
    public static final String MAX_MESSAGE = "KALPANA_BRIDGE_MAX_MESSAGE_BYTES";
    public static final String RIPGREP = "KALPANA_BRIDGE_RG";

    /** Where code-server installs ship their ripgrep; used when rg is not on PATH. */
    private static final List<Path> CODE_SERVER_RIPGREP = List.of(
            Path.of("/opt/code-server/lib/node_modules/code-server/lib/vscode/node_modules/@vscode/"
                    + "ripgrep-universal/bin/linux-" + ("aarch64".equals(System.getProperty("os.arch")) ? "arm64" : "x64")
                    + "/rg"),
            Path.of("/usr/lib/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"));

    private final Map<String, String> environment;

    public EnvironmentConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    public BridgeConfig load() {
        String token = value(TOKEN).orElseThrow(() -> new ConfigurationException(
                TOKEN + " is not set: the bridge refuses to start without a token"));
        Path root = Path.of(value(ROOT).orElse("/workspace"));
        if (!Files.isDirectory(root)) {
            throw new ConfigurationException(ROOT + "=" + root + " is not an existing directory");
        }
        int port = parse(PORT, "3001", Integer::parseInt);
        if (port < 0 || port > 65535) {
            throw new ConfigurationException(PORT + " must be 0..65535, got " + port);
        }
        Duration defaultTimeout = Duration.ofMillis(parse(EXEC_TIMEOUT, "120000", Long::parseLong));
        Duration maxTimeout = Duration.ofMillis(parse(EXEC_MAX_TIMEOUT, "3600000", Long::parseLong));
        if (defaultTimeout.isNegative() || defaultTimeout.isZero() || maxTimeout.compareTo(defaultTimeout) < 0) {
            throw new ConfigurationException(EXEC_TIMEOUT + " must be > 0 and <= " + EXEC_MAX_TIMEOUT);
        }
        int maxCommands = parse(MAX_COMMANDS, "8", Integer::parseInt);
        if (maxCommands < 1) {
            throw new ConfigurationException(MAX_COMMANDS + " must be >= 1");
        }
        return new BridgeConfig(new BridgeToken(token), root, value(BIND).orElse("0.0.0.0"), port,
                defaultTimeout, maxTimeout, maxCommands,
                parse(MAX_OUTPUT, "8m", ByteSize::parse),
                parse(MAX_READ, "2m", ByteSize::parse),
                parse(MAX_MESSAGE, "8m", ByteSize::parse),
                findRipgrep());
    }

    private Optional<Path> findRipgrep() {
        Optional<String> configured = value(RIPGREP);
        if (configured.isPresent()) {
            Path path = Path.of(configured.get());
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = environment.getOrDefault("PATH", "");
        for (String dir : searchPath.split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "rg");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return CODE_SERVER_RIPGREP.stream().filter(Files::isExecutable).findFirst();
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private <T> T parse(String name, String fallback, Function<String, T> parser) {
        String raw = value(name).orElse(fallback);
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw new ConfigurationException(name + "='" + raw + "' is invalid: " + e.getMessage());
        }
    }
}
