package io.kalpana.bridge.it;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupIT {

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome launch(Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-jar", BridgeProcess.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("KALPANA_BRIDGE_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("bridge did not exit");
        }
        return new Outcome(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesToStartWithoutToken() throws Exception {
        Path root = Workspace.create("bridge-startup");
        try {
            Outcome outcome = launch(Map.of("KALPANA_BRIDGE_ROOT", root.toString(),
                    "KALPANA_BRIDGE_PORT", String.valueOf(BridgeProcess.freePort())));
            assertEquals(2, outcome.exitCode());
            assertTrue(outcome.output().contains("KALPANA_BRIDGE_TOKEN is not set"), outcome.output());
        } finally {
            Workspace.delete(root);
        }
    }

    @Test
    void refusesAMissingRootOrBadNumber() throws Exception {
        Outcome missingRoot = launch(Map.of("KALPANA_BRIDGE_TOKEN", "t",
                "KALPANA_BRIDGE_ROOT", "/nonexistent/kalpana-root"));
        assertEquals(2, missingRoot.exitCode());
        assertTrue(missingRoot.output().contains("KALPANA_BRIDGE_ROOT"), missingRoot.output());
        Outcome badPort = launch(Map.of("KALPANA_BRIDGE_TOKEN", "t", "KALPANA_BRIDGE_ROOT", "/tmp",
                "KALPANA_BRIDGE_PORT", "http"));
        assertEquals(2, badPort.exitCode());
        assertTrue(badPort.output().contains("KALPANA_BRIDGE_PORT"), badPort.output());
    }
}
