package io.kalpana.web.ide;

import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdePathTest {

    @Test
    void splitsWorkspaceAndUpstreamPath() {
        IdePath path = IdePath.parse("/w/abcdef123456/ide/static/out/x.js", "v=1&b=%20");
        assertEquals("abcdef123456", path.workspace().value());
        assertEquals("/static/out/x.js", path.upstreamPath());
        assertEquals("/static/out/x.js?v=1&b=%20", path.upstreamTarget());
        assertEquals("/w/abcdef123456/ide", path.browserPrefix(""));
        assertFalse(path.isPreview());
    }

    @Test
    void missingTrailingSlashIsAnEmptyUpstreamPath() {
        IdePath path = IdePath.parse("/w/abcdef123456/ide", null);
        assertEquals("", path.upstreamPath());
        assertEquals(Optional.empty(), path.query());
    }

    @Test
    void recognisesPortPreviews() {
        assertTrue(IdePath.parse("/w/abcdef123456/ide/proxy/8000/", null).isPreview());
        assertTrue(IdePath.parse("/w/abcdef123456/ide/absproxy/3000/index.html", null).isPreview());
        assertTrue(IdePath.parse("/w/abcdef123456/ide/proxy/3000", null).isPreview());
        assertFalse(IdePath.parse("/w/abcdef123456/ide/proxyx/3000/", null).isPreview());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/w/ABC/ide/", "/w/abc/ide/", "/w/abcdef1234567/ide/", "/w//ide/", "/w/abcdef123456/other/",
            "/w/abcdef123456/idea/", "/w/../api/ide/"})
    void malformedIdsAndShapesAreNotFound(String uri) {
        KalpanaException e = assertThrows(KalpanaException.class, () -> IdePath.parse(uri, null));
        assertEquals(ProblemKind.NOT_FOUND, e.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/w/abcdef123456/ide/../../api/v1/workspaces", "/w/abcdef123456/ide/%2e%2e/%2E%2E/api",
            "/w/abcdef123456/ide/a/./b", "/w/abcdef123456/ide/..", "/w/abcdef123456/ide/%2e%2e%2fapi",
            "/w/abcdef123456/ide/a%5c..%5capi", "/w/abcdef123456/ide/a%00b", "/w/abcdef123456/ide/a%zz",
            "/w/abcdef123456/ide/a%2"})
    void traversalAndMalformedEscapesAreRefused(String uri) {
        KalpanaException e = assertThrows(KalpanaException.class, () -> IdePath.parse(uri, null));
        assertEquals(ProblemKind.INVALID_INPUT, e.kind());
    }

    @Test
    void doubleEncodedDotsAreOrdinaryNames() {
        assertEquals("/%252e%252e/x", IdePath.parse("/w/abcdef123456/ide/%252e%252e/x", null).upstreamPath());
    }
}
