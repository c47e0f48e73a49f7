package io.kalpana.bridge.server.exec;

import io.kalpana.bridge.protocol.ContentEncoding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkEncoderTest {

    @Test
    void utf8CharacterSplitAcrossChunksIsReassembled() {
        byte[] bytes = "aé€😀".getBytes(StandardCharsets.UTF_8);
        ChunkEncoder encoder = ChunkEncoder.forEncoding(ContentEncoding.TEXT);
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(encoder.encode(new byte[] {b}, 1).asString());
        }
        out.append(encoder.finish().asString());
        assertEquals("aé€😀", out.toString());
    }

    @Test
    void invalidBytesBecomeReplacementCharacters() {
        ChunkEncoder encoder = ChunkEncoder.forEncoding(ContentEncoding.TEXT);
        assertEquals("a\uFFFDb", encoder.encode(new byte[] {'a', (byte) 0xff, 'b'}, 3).asString()
                + encoder.finish().asString());
        ChunkEncoder truncated = ChunkEncoder.forEncoding(ContentEncoding.TEXT);
        assertEquals("x", truncated.encode(new byte[] {'x', (byte) 0xc3}, 2).asString());
        assertEquals("\uFFFD", truncated.finish().asString());
    }

    @Test
    void base64EncodesEachChunkOnItsOwn() {
        ChunkEncoder encoder = ChunkEncoder.forEncoding(ContentEncoding.BASE64);
        byte[] buffer = {0, 1, 2, 3, 4};
        assertArrayEquals(Arrays.copyOf(buffer, 3), Base64.getDecoder().decode(encoder.encode(buffer, 3).asString()));
        assertTrue(encoder.finish().isEmpty());
    }

    @Test
    void outputBudgetCutsAtTheLimit() {
        OutputBudget budget = new OutputBudget(10);
        assertEquals(6, budget.claim(6));
        assertEquals(4, budget.claim(6));
        assertEquals(0, budget.claim(6));
        assertEquals(18, budget.produced());
        assertEquals(true, budget.truncated());
    }
}
