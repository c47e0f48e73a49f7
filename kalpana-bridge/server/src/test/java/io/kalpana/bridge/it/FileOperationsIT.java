package io.kalpana.bridge.it;

import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.bridge.client.BridgeRefusedException;
import io.kalpana.bridge.protocol.ContentEncoding;
import io.kalpana.bridge.protocol.DeleteRequest;
import io.kalpana.bridge.protocol.EntryType;
import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.FileEntry;
import io.kalpana.bridge.protocol.ListRequest;
import io.kalpana.bridge.protocol.ListResult;
import io.kalpana.bridge.protocol.ReadRequest;
import io.kalpana.bridge.protocol.ReadResult;
import io.kalpana.bridge.protocol.SearchRequest;
import io.kalpana.bridge.protocol.SearchResult;
import io.kalpana.bridge.protocol.StatResult;
import io.kalpana.bridge.protocol.WorkspacePath;
import io.kalpana.bridge.protocol.WriteRequest;
import io.kalpana.bridge.protocol.WriteResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static io.kalpana.bridge.it.Clients.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileOperationsIT {

    private static Path root;
    private static BridgeProcess bridge;
    private static BridgeClient client;

    @BeforeAll
    static void startBridge() throws Exception {
        root = Workspace.create("bridge-files");
        // force the Java search engine here; the ripgrep engine is covered separately when rg exists
        bridge = BridgeProcess.start(root, "files-token", BridgeProcess.env("KALPANA_BRIDGE_RG", "/nonexistent/rg"));
        client = Clients.connect(bridge);
    }

    @AfterAll
    static void stopBridge() throws Exception {
        client.close();
        bridge.close();
        Workspace.delete(root);
    }

    private static ErrorCode refusal(CompletableFuture<?> future) {
        return assertThrows(BridgeRefusedException.class, () -> await(future)).code();
    }

    @Test
    void helloAnnouncesVersionCapabilitiesAndLimits() {
        var hello = await(client.connect());
        assertEquals(1, hello.version().number());
        assertTrue(hello.supports("exec.stream"));
        assertTrue(hello.supports("search.java"));
        assertEquals(2 * 1024 * 1024, hello.limits().maxReadBytes());
        assertTrue(await(client.ping()).serverTimeMillis() > 0);
    }

    @Test
    void writeCreatesParentsAndReadReturnsText() throws Exception {
        WriteResult written = await(client.write("a/b/c.txt", "héllo\nworld\n"));
        assertTrue(written.created());
        assertEquals("a/b/c.txt", written.path());
        assertEquals("héllo\nworld\n", Files.readString(root.resolve("a/b/c.txt")));
        ReadResult read = await(client.read("a/b/c.txt"));
        assertEquals(ContentEncoding.TEXT, read.encoding());
        assertEquals("héllo\nworld\n", read.content());
        assertEquals(2, read.totalLines());
        WriteResult replaced = await(client.write("a/b/c.txt", "new"));
        assertFalse(replaced.created());
        assertEquals("new", Files.readString(root.resolve("a/b/c.txt")));
        try (var files = Files.list(root.resolve("a/b"))) {
            assertEquals(List.of("c.txt"), files.map(p -> p.getFileName().toString()).toList(), "no temp files left");
        }
    }

    @Test
    void writeKeepsPermissionsOfReplacedFile() throws Exception {
        Path script = root.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        await(client.write("run.sh", "#!/bin/sh\necho hi\n"));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
    }

    @Test
    void readLineRange() throws Exception {
        Files.writeString(root.resolve("lines.txt"), "one\ntwo\nthree\nfour\nfive");
        ReadResult range = await(client.call(ReadRequest.lines("lines.txt", 2, 4)));
        assertEquals("two\nthree\nfour\n", range.content());
        assertEquals(2, range.startLine());
        assertEquals(4, range.endLine());
        assertEquals(5, range.totalLines());
        ReadResult tail = await(client.call(new ReadRequest(WorkspacePath.of("lines.txt"),
                Optional.of(io.kalpana.bridge.protocol.LineRange.from(5)), ContentEncoding.TEXT)));
        assertEquals("five", tail.content());
    }

    @Test
    void binaryRoundTripsAsBase64() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10, 0};
        await(client.call(WriteRequest.binary("bin/data.bin", bytes)));
        assertArrayEquals(bytes, Files.readAllBytes(root.resolve("bin/data.bin")));
        ReadResult read = await(client.read("bin/data.bin"));
        assertEquals(ContentEncoding.BASE64, read.encoding());
        assertArrayEquals(bytes, read.bytes());
    }

    @Test
    void readAboveCapIsRefusedWithClearError() throws Exception {
        Files.write(root.resolve("big.log"), new byte[3 * 1024 * 1024]);
        var error = assertThrows(BridgeRefusedException.class, () -> await(client.read("big.log")));
        assertEquals(ErrorCode.FILE_TOO_LARGE, error.code());
        assertTrue(error.getMessage().contains("startLine"), error.getMessage());
    }

    @Test
    void readMissingAndDirectory() throws Exception {
        assertEquals(ErrorCode.NOT_FOUND, refusal(client.read("nope.txt")));
        Files.createDirectories(root.resolve("dir-to-read"));
        assertEquals(ErrorCode.IS_DIRECTORY, refusal(client.read("dir-to-read")));
    }

    @Test
    void editReplacesExactlyOnce() throws Exception {
        Files.writeString(root.resolve("edit.txt"), "alpha\nbeta\ngamma\nbeta\n");
        var ambiguous = assertThrows(BridgeRefusedException.class,
                () -> await(client.replace("edit.txt", "beta", "BETA")));
        assertEquals(ErrorCode.EDIT_AMBIGUOUS, ambiguous.code());
        assertTrue(ambiguous.getMessage().contains("2 times"), ambiguous.getMessage());
        assertEquals(ErrorCode.EDIT_NO_MATCH, refusal(client.replace("edit.txt", "delta", "x")));
        var edited = await(client.replace("edit.txt", "gamma\nbeta", "gamma\nBETA"));
        assertEquals(3, edited.line());
        assertEquals("alpha\nbeta\ngamma\nBETA\n", Files.readString(root.resolve("edit.txt")));
    }

    @Test
    void editInsertsAtLine() throws Exception {
        Files.writeString(root.resolve("insert.txt"), "one\nthree\n");
        await(client.insert("insert.txt", 2, "two"));
        await(client.insert("insert.txt", 4, "four\n"));
        assertEquals("one\ntwo\nthree\nfour\n", Files.readString(root.resolve("insert.txt")));
        assertEquals(ErrorCode.BAD_REQUEST, refusal(client.insert("insert.txt", 9, "x")));
    }

    @Test
    void listHonoursDepthGlobGitignoreAndSkipsGit() throws Exception {
        Path tree = root.resolve("tree");
        Files.createDirectories(tree.resolve("src/main"));
        Files.createDirectories(tree.resolve("node_modules/lib"));
        Files.createDirectories(tree.resolve(".git/objects"));
        Files.createDirectories(tree.resolve("build"));
        Files.writeString(tree.resolve(".gitignore"), "node_modules/\n*.log\n/build\n!keep.log\n");
        Files.writeString(tree.resolve("src/main/App.java"), "class App {}");
        Files.writeString(tree.resolve("src/main/notes.md"), "# notes");
        Files.writeString(tree.resolve("node_modules/lib/index.js"), "x");
        Files.writeString(tree.resolve("debug.log"), "x");
        Files.writeString(tree.resolve("keep.log"), "x");
        Files.writeString(tree.resolve("build/out.class"), "x");

        ListResult all = await(client.call(new ListRequest(WorkspacePath.of("tree"), 5, Optional.empty())));
        List<String> paths = all.entries().stream().map(FileEntry::path).toList();
        assertEquals(List.of("tree/.gitignore", "tree/keep.log", "tree/src", "tree/src/main",
                "tree/src/main/App.java", "tree/src/main/notes.md"), paths);
        assertEquals(EntryType.DIRECTORY, all.entries().get(2).type());

        ListResult shallow = await(client.call(new ListRequest(WorkspacePath.of("tree"), 1, Optional.empty())));
        assertEquals(List.of("tree/.gitignore", "tree/keep.log", "tree/src"),
                shallow.entries().stream().map(FileEntry::path).toList());

        ListResult javaOnly = await(client.call(new ListRequest(WorkspacePath.of("tree"), 5, Optional.of("*.java"))));
        assertEquals(List.of("tree/src", "tree/src/main", "tree/src/main/App.java"),
                javaOnly.entries().stream().map(FileEntry::path).toList());
    }

    @Test
    void searchFindsMatchesSkipsIgnoredAndCaps() throws Exception {
        Path tree = root.resolve("searchable");
        Files.createDirectories(tree.resolve("src"));
        Files.createDirectories(tree.resolve("dist"));
        Files.writeString(tree.resolve(".gitignore"), "dist/\n");
        Files.writeString(tree.resolve("src/a.txt"), "needle one\nhay\nNEEDLE two\n");
        Files.writeString(tree.resolve("dist/b.txt"), "needle hidden\n");
        SearchResult result = await(client.call(new SearchRequest("needle", WorkspacePath.of("searchable"),
                Optional.empty(), true, 100)));
        assertEquals("java", result.engine());
        assertEquals(2, result.matches().size());
        assertEquals("searchable/src/a.txt", result.matches().get(0).path());
        assertEquals(3, result.matches().get(1).line());
        SearchResult capped = await(client.call(new SearchRequest("needle", WorkspacePath.of("searchable"),
                Optional.empty(), true, 1)));
        assertEquals(1, capped.matches().size());
        assertTrue(capped.truncated());
        assertEquals(ErrorCode.INVALID_PATTERN, refusal(client.search("(unclosed")));
    }

    @Test
    void statReportsFilesDirectoriesAndMissing() throws Exception {
        Files.writeString(root.resolve("stat.txt"), "12345");
        StatResult file = await(client.stat("stat.txt"));
        assertTrue(file.exists());
        assertEquals(EntryType.FILE, file.type());
        assertEquals(5, file.size());
        assertFalse(file.permissions().isEmpty());
        assertEquals(EntryType.DIRECTORY, await(client.stat(".")).type());
        assertFalse(await(client.stat("missing.txt")).exists());
    }

    @Test
    void deleteFilesAndDirectories() throws Exception {
        Files.createDirectories(root.resolve("del/sub"));
        Files.writeString(root.resolve("del/sub/f.txt"), "x");
        Files.writeString(root.resolve("del.txt"), "x");
        await(client.delete("del.txt", false));
        assertFalse(Files.exists(root.resolve("del.txt")));
        assertEquals(ErrorCode.DIRECTORY_NOT_EMPTY, refusal(client.delete("del", false)));
        await(client.delete("del", true));
        assertFalse(Files.exists(root.resolve("del")));
        assertEquals(ErrorCode.NOT_FOUND, refusal(client.delete("del", true)));
        assertEquals(ErrorCode.BAD_REQUEST, refusal(client.call(new DeleteRequest(WorkspacePath.ROOT, true))));
    }

    @Test
    void moveRenamesAndRespectsOverwrite() throws Exception {
        Files.writeString(root.resolve("m1.txt"), "one");
        Files.writeString(root.resolve("m2.txt"), "two");
        assertEquals(ErrorCode.ALREADY_EXISTS, refusal(client.move("m1.txt", "m2.txt", false)));
        await(client.move("m1.txt", "moved/m3.txt", false));
        assertEquals("one", Files.readString(root.resolve("moved/m3.txt")));
        await(client.move("moved/m3.txt", "m2.txt", true));
        assertEquals("one", Files.readString(root.resolve("m2.txt")));
        assertFalse(Files.exists(root.resolve("m1.txt")));
    }

    @Test
    void activityAdvancesOnWorkButNotOnPing() throws Exception {
        long before = await(client.activity()).lastActivityMillis();
        Thread.sleep(20);
        await(client.ping());
        assertEquals(before, await(client.activity()).lastActivityMillis());
        await(client.write("activity.txt", "x"));
        assertTrue(await(client.activity()).lastActivityMillis() > before);
    }
}
