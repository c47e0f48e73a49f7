package io.kalpana.bridge.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentConfigLoaderTest {

    @TempDir
    Path root;

    @Test
    void tokenIsRequired() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new EnvironmentConfigLoader(Map.of("KALPANA_BRIDGE_ROOT", root.toString())).load());
        assertTrue(e.getMessage().contains("KALPANA_BRIDGE_TOKEN"));
    }

    @Test
    void defaultsApply() {
        BridgeConfig config = new EnvironmentConfigLoader(Map.of("KALPANA_BRIDGE_TOKEN", "t",
                "KALPANA_BRIDGE_ROOT", root.toString(), "PATH", "")).load();
        assertEquals(3001, config.port());
        assertEquals("0.0.0.0", config.bindAddress());
        assertEquals(Duration.ofMinutes(2), config.defaultExecTimeout());
        assertEquals(8, config.maxConcurrentCommands());
        assertEquals(ByteSize.ofMebibytes(2), config.maxRead());
        assertTrue(config.token().matches("t"));
        assertEquals("BridgeToken[****]", config.token().toString(), "the token never shows in logs");
    }

    @Test
    void sizesAcceptUnitsAndBadValuesNameTheVariable() {
        BridgeConfig config = new EnvironmentConfigLoader(Map.of("KALPANA_BRIDGE_TOKEN", "t",
                "KALPANA_BRIDGE_ROOT", root.toString(), "KALPANA_BRIDGE_MAX_OUTPUT_BYTES", "512k")).load();
        assertEquals(512 * 1024, config.maxOutput().bytes());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new EnvironmentConfigLoader(
                Map.of("KALPANA_BRIDGE_TOKEN", "t", "KALPANA_BRIDGE_ROOT", root.toString(),
                        "KALPANA_BRIDGE_PORT", "http")).load());
        assertTrue(e.getMessage().contains("KALPANA_BRIDGE_PORT"));
    }

    @Test
    void missingRootIsRefused() {
        assertThrows(ConfigurationException.class, () -> new EnvironmentConfigLoader(Map.of(
                "KALPANA_BRIDGE_TOKEN", "t", "KALPANA_BRIDGE_ROOT", root.resolve("nope").toString())).load());
    }
}
