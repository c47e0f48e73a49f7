package io.kalpana.bridge.server.ignore;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IgnoreRulesTest {

    private static final Path ROOT = Path.of("/ws");

    private static IgnoreRules rules(String... lines) {
        return IgnoreRules.none().with(IgnoreFile.parse(ROOT, List.of(lines)));
    }

    @Test
    void basenamePatternsMatchAtAnyDepth() {
        IgnoreRules rules = rules("*.log", "# comment", "", "node_modules/");
        assertTrue(rules.isIgnored(ROOT.resolve("a.log"), false));
        assertTrue(rules.isIgnored(ROOT.resolve("deep/dir/b.log"), false));
        assertFalse(rules.isIgnored(ROOT.resolve("a.txt"), false));
        assertTrue(rules.isIgnored(ROOT.resolve("web/node_modules"), true));
        assertFalse(rules.isIgnored(ROOT.resolve("web/node_modules"), false), "dir-only pattern");
    }

    @Test
    void anchoredPatternsMatchFromTheirDirectoryOnly() {
        IgnoreRules rules = rules("/build", "docs/*.tmp");
        assertTrue(rules.isIgnored(ROOT.resolve("build"), true));
        assertFalse(rules.isIgnored(ROOT.resolve("sub/build"), true));
        assertTrue(rules.isIgnored(ROOT.resolve("docs/x.tmp"), false));
        assertFalse(rules.isIgnored(ROOT.resolve("other/docs/x.tmp"), false));
    }

    @Test
    void doubleStarAndNegation() {
        IgnoreRules rules = rules("**/generated/**", "*.log", "!keep.log");
        assertTrue(rules.isIgnored(ROOT.resolve("a/generated/x.java"), false));
        assertTrue(rules.isIgnored(ROOT.resolve("generated/x.java"), false));
        assertTrue(rules.isIgnored(ROOT.resolve("a.log"), false));
        assertFalse(rules.isIgnored(ROOT.resolve("keep.log"), false));
    }

    @Test
    void deeperFilesOverrideOuterOnes() {
        IgnoreRules rules = rules("*.txt").with(IgnoreFile.parse(ROOT.resolve("sub"), List.of("!important.txt")));
        assertTrue(rules.isIgnored(ROOT.resolve("a.txt"), false));
        assertTrue(rules.isIgnored(ROOT.resolve("other/important.txt"), false));
        assertFalse(rules.isIgnored(ROOT.resolve("sub/important.txt"), false));
    }

    @Test
    void gitDirectoryIsAlwaysIgnored() {
        assertTrue(IgnoreRules.none().isIgnored(ROOT.resolve(".git"), true));
        assertTrue(IgnoreRules.none().isIgnored(ROOT.resolve("sub/.git"), true));
    }

    @Test
    void characterClassesAndQuestionMarks() {
        IgnoreRules rules = rules("file?.[ch]");
        assertTrue(rules.isIgnored(ROOT.resolve("file1.c"), false));
        assertTrue(rules.isIgnored(ROOT.resolve("fileA.h"), false));
        assertFalse(rules.isIgnored(ROOT.resolve("file10.c"), false));
        assertFalse(rules.isIgnored(ROOT.resolve("file1.o"), false));
    }
}
