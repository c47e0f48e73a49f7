package io.kalpana.bridge.it;

import io.kalpana.bridge.client.BridgeAuthenticationException;
import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.bridge.client.BridgeRefusedException;
import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.ExecRequest;
import io.kalpana.bridge.protocol.JsonCodec;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.kalpana.bridge.it.Clients.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityIT {

    private static final String TOKEN = "s3cret-token";
    private static final int MAX_MESSAGE = 64 * 1024;

    private static Path root;
    private static Path outside;
    private static BridgeProcess bridge;
    private static BridgeClient client;
    private final JsonCodec json = new JsonCodec();

    @BeforeAll
    static void startBridge() throws Exception {
        root = Workspace.create("bridge-sec");
        outside = Workspace.create("bridge-outside");
        Files.writeString(outside.resolve("secret.txt"), "top secret");
        Files.createSymbolicLink(root.resolve("escape-dir"), outside);
        Files.createSymbolicLink(root.resolve("escape-file"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dangling-out"), outside.resolve("not-yet.txt"));
        Files.writeString(root.resolve("inside.txt"), "fine");
        Files.createSymbolicLink(root.resolve("link-inside"), root.resolve("inside.txt"));
        bridge = BridgeProcess.start(root, TOKEN, BridgeProcess.env("KALPANA_BRIDGE_MAX_MESSAGE_BYTES",
                String.valueOf(MAX_MESSAGE)));
        client = Clients.connect(bridge);
        await(client.connect());
    }

    @AfterAll
    static void stopBridge() throws Exception {
        client.close();
        bridge.close();
        Workspace.delete(root);
        Workspace.delete(outside);
    }

    @Test
    void missingTokenIsClosedWithPolicyViolation() throws Exception {
        try (RawSocket socket = RawSocket.open(bridge.uri(), null)) {
            CloseReason reason = socket.awaitClose();
            assertEquals(1008, reason.getCloseCode().getCode());
        }
        assertTrue(bridge.output().stream().anyMatch(line -> line.contains("missing or invalid token")),
                "refusal is logged");
    }

    @Test
    void wrongTokenIsClosedWithPolicyViolation() throws Exception {
        try (RawSocket socket = RawSocket.open(bridge.uri(), "wrong")) {
            assertEquals(1008, socket.awaitClose().getCloseCode().getCode());
        }
        try (BridgeClient wrong = Clients.connect(bridge, "wrong")) {
            assertThrows(BridgeAuthenticationException.class, () -> await(wrong.ping()));
        }
        assertFalse(String.join("\n", bridge.output()).contains("wrong"), "tokens never reach the log");
    }

    @Test
    void queryParameterTokenIsAccepted() throws Exception {
        try (RawSocket socket = RawSocket.open(URI.create(bridge.uri() + "?token=" + TOKEN), null)) {
            socket.send("{\"id\":\"q1\",\"op\":\"ping\"}");
            JsonObject reply = json.parseObject(socket.next());
            assertEquals("q1", reply.getString("id"));
            assertEquals("result", reply.getString("type"));
        }
        try (RawSocket socket = RawSocket.open(URI.create(bridge.uri() + "?token=nope"), null)) {
            assertEquals(1008, socket.awaitClose().getCloseCode().getCode());
        }
    }

    private static void assertOutside(CompletableFuture<?> future) {
        BridgeRefusedException refused = assertThrows(BridgeRefusedException.class, () -> await(future));
        assertEquals(ErrorCode.PATH_OUTSIDE_WORKSPACE, refused.code());
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    }

    @Test
    void dotDotEscapesAreRefused() {
        assertOutside(client.read("../" + outside.getFileName() + "/secret.txt"));
        assertOutside(client.write("a/../../evil.txt", "x"));
        assertOutside(client.list(".."));
        assertOutside(client.move("inside.txt", "../stolen.txt", false));
        assertFalse(Files.exists(root.getParent().resolve("evil.txt")));
    }

    @Test
    void absolutePathsElsewhereAreRefusedButInsideAllowed() {
        assertOutside(client.read(outside.resolve("secret.txt").toString()));
        assertOutside(client.read("/etc/passwd"));
        assertOutside(client.delete("/tmp", true));
        assertEquals("fine", await(client.read(root.resolve("inside.txt").toString())).content());
    }

    @Test
    void symlinksPointingOutAreRefused() throws Exception {
        assertOutside(client.read("escape-file"));
        assertOutside(client.read("escape-dir/secret.txt"));
        assertOutside(client.write("escape-dir/planted.txt", "x"));
        assertOutside(client.write("dangling-out", "x"));
        assertOutside(client.list("escape-dir"));
        assertOutside(client.call(ExecRequest.of("pwd").withCwd("escape-dir")));
        assertFalse(Files.exists(outside.resolve("planted.txt")));
        assertFalse(Files.exists(outside.resolve("not-yet.txt")));
        assertEquals("top secret", Files.readString(outside.resolve("secret.txt")));
        assertEquals("fine", await(client.read("link-inside")).content(), "links inside the root are fine");
    }

    @Test
    void deletingALinkRemovesTheLinkNotItsTarget() throws Exception {
        Path link = root.resolve("to-delete-link");
        Files.createSymbolicLink(link, root.resolve("inside.txt"));
        await(client.delete("to-delete-link", false));
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(root.resolve("inside.txt")));
    }

    @Test
    void oversizedMessageClosesThatConnectionOnly() throws Exception {
        try (RawSocket socket = RawSocket.open(bridge.uri(), TOKEN)) {
            String content = "x".repeat(MAX_MESSAGE + 10);
            socket.send("{\"id\":\"big\",\"op\":\"write\",\"path\":\"big.txt\",\"content\":\"" + content + "\"}");
            assertEquals(1009, socket.awaitClose().getCloseCode().getCode());
        }
        assertFalse(Files.exists(root.resolve("big.txt")));
        assertTrue(await(client.ping()).serverTimeMillis() > 0, "other clients keep working");
        try (BridgeClient fresh = Clients.connect(bridge)) {
            assertTrue(await(fresh.ping()).serverTimeMillis() > 0, "new clients are accepted");
        }
    }

    @Test
    void malformedJsonUnknownOpAndBadFieldsGetErrorReplies() throws Exception {
        try (RawSocket socket = RawSocket.open(bridge.uri(), TOKEN)) {
            socket.send("{not json");
            JsonObject malformed = json.parseObject(socket.next());
            assertEquals("error", malformed.getString("type"));
            assertTrue(malformed.isNull("id"));
            assertEquals("malformed_json", malformed.getJsonObject("error").getString("code"));

            socket.send("[1,2,3]");
            assertEquals("malformed_json", json.parseObject(socket.next()).getJsonObject("error").getString("code"));

            socket.send("{\"id\":\"u1\",\"op\":\"format_disk\"}");
            JsonObject unknown = json.parseObject(socket.next());
            assertEquals("u1", unknown.getString("id"));
            assertEquals("unknown_op", unknown.getJsonObject("error").getString("code"));

            socket.send("{\"op\":\"ping\"}");
            assertEquals("bad_request", json.parseObject(socket.next()).getJsonObject("error").getString("code"));

            socket.send("{\"id\":\"r1\",\"op\":\"read\",\"path\":42}");
            JsonObject badField = json.parseObject(socket.next());
            assertEquals("r1", badField.getString("id"));
            assertEquals("bad_request", badField.getJsonObject("error").getString("code"));

            socket.send("{\"id\":\"p2\",\"op\":\"ping\"}");
            assertEquals("result", json.parseObject(socket.next()).getString("type"), "connection still usable");
        }
    }

    @Test
    void commandsDoNotSeeTheBridgeToken() throws Exception {
        StringBuilder out = new StringBuilder();
        var exec = client.exec(ExecRequest.of("env"), new io.kalpana.bridge.client.ExecListener() {
            @Override
            public void onOutput(io.kalpana.bridge.protocol.OutputChannel channel, String data) {
                synchronized (out) {
                    out.append(data);
                }
            }
        });
        assertEquals(0, exec.exit().get(30, TimeUnit.SECONDS).exitCode());
        synchronized (out) {
            assertFalse(out.toString().contains(TOKEN));
            assertFalse(out.toString().contains("KALPANA_BRIDGE_TOKEN"));
        }
    }

    @Test
    void concurrentGoodAndBadHandshakesNeverMixUp() throws Exception {
        for (int round = 0; round < 5; round++) {
            CompletableFuture<Integer> bad = CompletableFuture.supplyAsync(() -> {
                try (RawSocket socket = RawSocket.open(bridge.uri(), "bad")) {
                    return socket.awaitClose().getCloseCode().getCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (BridgeClient good = Clients.connect(bridge)) {
                assertTrue(await(good.ping()).serverTimeMillis() > 0);
            }
            try {
                assertEquals(1008, bad.get(20, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw new AssertionError(e.getCause());
            }
        }
    }
}
