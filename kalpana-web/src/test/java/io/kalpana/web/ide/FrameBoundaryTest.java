package io.kalpana.web.ide;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameBoundaryTest {

    @Test
    void followsShortMediumAndMaskedFramesAcrossChunks() {
        FrameBoundary frames = new FrameBoundary();
        assertTrue(frames.atBoundary());
        byte[] small = {(byte) 0x81, 3, 'a', 'b', 'c'};
        frames.feed(small, 0, 2);
        assertFalse(frames.atBoundary(), "header read, payload pending");
        frames.feed(small, 2, 3);
        assertTrue(frames.atBoundary());

        byte[] medium = new byte[4 + 300];
        medium[0] = (byte) 0x82;
        medium[1] = 126;
        medium[2] = 1;
        medium[3] = 44;
        frames.feed(medium, 0, 3);
        assertFalse(frames.atBoundary(), "inside an extended length");
        frames.feed(medium, 3, 200);
        assertFalse(frames.atBoundary());
        frames.feed(medium, 203, 101);
        assertTrue(frames.atBoundary());

        byte[] masked = {(byte) 0x81, (byte) 0x82, 1, 2, 3, 4, 'x', 'y', (byte) 0x89, 0};
        frames.feed(masked, 0, 9);
        assertFalse(frames.atBoundary(), "the ping's header is half read");
        frames.feed(masked, 9, 1);
        assertTrue(frames.atBoundary(), "an empty ping ends at its header");
    }

    @Test
    void closeFrameCarriesStatusAndReason() {
        assertArrayEquals(new byte[] {(byte) 0x88, 4, 0x03, (byte) 0xE9, 'o', 'k'}, FrameBoundary.closeFrame(1001, "ok"));
    }
}
