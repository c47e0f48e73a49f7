package io.kalpana.bridge.server.security;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.WorkspacePath;
import io.kalpana.bridge.server.OperationFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceRootTest {

    @TempDir
    Path temp;
    Path rootDir;
    Path outside;
    WorkspaceRoot root;

    @BeforeEach
    void setUp() throws Exception {
        rootDir = Files.createDirectories(temp.resolve("ws")).toRealPath();
        outside = Files.createDirectories(temp.resolve("outside")).toRealPath();
        Files.writeString(outside.resolve("secret"), "s");
        root = new WorkspaceRoot(rootDir);
    }

    private void assertRefused(String path) {
        OperationFailedException refused = assertThrows(OperationFailedException.class,
                () -> root.resolve(WorkspacePath.of(path)));
        assertEquals(ErrorCode.PATH_OUTSIDE_WORKSPACE, refused.code(), path);
    }

    @Test
    void relativePathsResolveInsideTheRoot() {
        assertEquals(rootDir.resolve("a/b.txt"), root.resolve(WorkspacePath.of("a/b.txt")));
        assertEquals(rootDir.resolve("b.txt"), root.resolve(WorkspacePath.of("a/../b.txt")));
        assertEquals(rootDir, root.resolve(WorkspacePath.of(".")));
        assertEquals(rootDir, root.resolve(WorkspacePath.of("")));
        assertEquals("a/b.txt", root.relative(rootDir.resolve("a/b.txt")));
        assertEquals(".", root.relative(rootDir));
    }

    @Test
    void dotDotAndForeignAbsolutePathsAreRefused() {
        assertRefused("..");
        assertRefused("../outside/secret");
        assertRefused("a/../../x");
        assertRefused("/etc/passwd");
        assertRefused(outside.resolve("secret").toString());
        assertRefused(rootDir + "/../outside/secret");
        assertEquals(rootDir.resolve("x"), root.resolve(WorkspacePath.of(rootDir.resolve("x").toString())));
    }

    @Test
    void symlinksLeadingOutAreRefusedEvenForMissingChildren() throws Exception {
        Files.createSymbolicLink(rootDir.resolve("out"), outside);
        Files.createSymbolicLink(rootDir.resolve("secret-link"), outside.resolve("secret"));
        Files.createSymbolicLink(rootDir.resolve("dangling"), outside.resolve("new-file"));
        assertRefused("out");
        assertRefused("out/secret");
        assertRefused("out/new/deeper.txt");
        assertRefused("secret-link");
        assertRefused("dangling");
    }

    @Test
    void symlinksInsideAreFollowedAndEntriesKeepTheLink() throws Exception {
        Files.createDirectories(rootDir.resolve("real"));
        Files.createSymbolicLink(rootDir.resolve("alias"), rootDir.resolve("real"));
        assertEquals(rootDir.resolve("real/f.txt"), root.resolve(WorkspacePath.of("alias/f.txt")));
        assertEquals(rootDir.resolve("alias"), root.resolveEntry(WorkspacePath.of("alias")));
    }

    @Test
    void configuredRootThatIsASymlinkIsAccepted() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("ws-link"), rootDir);
        WorkspaceRoot viaLink = new WorkspaceRoot(link);
        assertEquals(rootDir.resolve("f"), viaLink.resolve(WorkspacePath.of(link.resolve("f").toString())));
        assertTrue(viaLink.isRoot(rootDir));
    }

    @Test
    void symlinkLoopsAreRefusedNotHung() throws Exception {
        Files.createSymbolicLink(rootDir.resolve("loop1"), rootDir.resolve("loop2"));
        Files.createSymbolicLink(rootDir.resolve("loop2"), rootDir.resolve("loop1"));
        assertThrows(OperationFailedException.class, () -> root.resolve(WorkspacePath.of("loop1/x")));
    }
}
