package io.kalpana.bridge.it;

import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.bridge.client.BridgeRefusedException;
import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.SearchRequest;
import io.kalpana.bridge.protocol.SearchResult;
import io.kalpana.bridge.protocol.WorkspacePath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static io.kalpana.bridge.it.Clients.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs only where a ripgrep binary exists: on PATH, or given with -Dbridge.rg=/path/to/rg. */
class RipgrepSearchIT {

    private static Path root;
    private static BridgeProcess bridge;
    private static BridgeClient client;

    static Optional<Path> ripgrep() {
        String configured = System.getProperty("bridge.rg", "");
        if (!configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "rg"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    @BeforeAll
    static void startBridge() throws Exception {
        Optional<Path> rg = ripgrep();
        assumeTrue(rg.isPresent(), "no ripgrep available; the Java search engine is tested in FileOperationsIT");
        root = Workspace.create("bridge-rg");
        bridge = BridgeProcess.start(root, "rg-token", BridgeProcess.env("KALPANA_BRIDGE_RG", rg.get().toString()));
        client = Clients.connect(bridge);
    }

    @AfterAll
    static void stopBridge() throws Exception {
        if (bridge != null) {
            client.close();
            bridge.close();
            Workspace.delete(root);
        }
    }

    @Test
    void searchesWithRipgrepRespectingGitignore() throws Exception {
        Files.createDirectories(root.resolve("src"));
        Files.createDirectories(root.resolve("ignored"));
        Files.writeString(root.resolve(".gitignore"), "ignored/\n");
        Files.writeString(root.resolve("src/a.txt"), "needle one\nhay\nNEEDLE two\n");
        Files.writeString(root.resolve("ignored/b.txt"), "needle hidden\n");
        SearchResult result = await(client.call(new SearchRequest("needle", WorkspacePath.ROOT, Optional.empty(),
                true, 100)));
        assertEquals("ripgrep", result.engine());
        assertEquals(2, result.matches().size(), result.toString());
        assertEquals("src/a.txt", result.matches().get(0).path());
        assertEquals(1, result.matches().get(0).line());
        assertEquals("needle one", result.matches().get(0).text());
        SearchResult capped = await(client.call(new SearchRequest("needle", WorkspacePath.ROOT, Optional.empty(),
                true, 1)));
        assertEquals(1, capped.matches().size());
        assertTrue(capped.truncated());
        assertEquals(ErrorCode.INVALID_PATTERN, assertThrows(BridgeRefusedException.class,
                () -> await(client.search("(unclosed"))).code());
    }
}
