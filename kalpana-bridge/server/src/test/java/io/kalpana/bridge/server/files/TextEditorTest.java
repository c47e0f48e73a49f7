package io.kalpana.bridge.server.files;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.TextEdit;
import io.kalpana.bridge.server.OperationFailedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextEditorTest {

    private final TextEditor editor = new TextEditor();

    @Test
    void replacesTheSingleMatchAndReportsItsLine() {
        TextEditor.Outcome outcome = editor.apply("a\nb\nc\n", new TextEdit.Replace("b\nc", "B\nC"));
        assertEquals("a\nB\nC\n", outcome.text());
        assertEquals(2, outcome.line());
    }

    @Test
    void reportsHowOftenAnAmbiguousSearchMatched() {
        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> editor.apply("x x x", new TextEdit.Replace("x", "y")));
        assertEquals(ErrorCode.EDIT_AMBIGUOUS, e.code());
        assertTrue(e.getMessage().contains("matched 3 times"), e.getMessage());
    }

    @Test
    void reportsZeroMatches() {
        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> editor.apply("abc", new TextEdit.Replace("abd", "y")));
        assertEquals(ErrorCode.EDIT_NO_MATCH, e.code());
        assertTrue(e.getMessage().contains("matched 0 times"));
    }

    @Test
    void countsNonOverlappingOccurrences() {
        assertEquals(2, TextEditor.countOccurrences("aaaa", "aa"));
        assertEquals(0, TextEditor.countOccurrences("", "a"));
    }

    @Test
    void replacementMayContainTheSearchText() {
        assertEquals("foo foo", editor.apply("foo", new TextEdit.Replace("foo", "foo foo")).text());
    }

    @Test
    void insertsBeforeALineOrAppends() {
        assertEquals("zero\none\ntwo\n", editor.apply("one\ntwo\n", new TextEdit.Insert(1, "zero")).text());
        assertEquals("one\nmid\ntwo\n", editor.apply("one\ntwo\n", new TextEdit.Insert(2, "mid\n")).text());
        assertEquals("one\ntwo\nend\n", editor.apply("one\ntwo\n", new TextEdit.Insert(3, "end")).text());
        assertEquals("one\nend\n", editor.apply("one", new TextEdit.Insert(2, "end")).text());
        assertEquals("first\n", editor.apply("", new TextEdit.Insert(1, "first")).text());
        assertThrows(OperationFailedException.class, () -> editor.apply("one\n", new TextEdit.Insert(3, "x")));
    }
}
