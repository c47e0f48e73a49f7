package io.kalpana.bridge.protocol;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFrameTest {

    private final JsonCodec json = new JsonCodec();

    @Test
    void canonicalFormIsValidJsonAndReadsBackFast() {
        String nasty = "quote\" back\\ nl\n tab\t nul\0 bell\u0007 é 😀 </script>";
        String wire = Messages.output(new RequestId("id\"1"), OutputChannel.STDERR, nasty);
        var parsed = json.parseObject(wire);
        assertEquals(nasty, parsed.getString("data"));
        assertEquals("id\"1", parsed.getString("id"));
        assertEquals("stderr", parsed.getString("type"));
        OutputFrame frame = OutputFrame.tryRead(wire).orElseThrow();
        assertEquals(nasty, frame.data());
        assertEquals(OutputChannel.STDERR, frame.channel());
        assertEquals("id\"1", frame.id().value());
    }

    @Test
    void rawHeaderIsOneJsonLine() {
        String header = new String(OutputFrame.rawHeader(new RequestId("k\n7"), OutputChannel.STDOUT),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(header.endsWith("}\n"));
        assertEquals(1, header.chars().filter(c -> c == '\n').count(), "newlines in the id are escaped");
        var parsed = json.parseObject(header.trim());
        assertEquals("k\n7", parsed.getString("id"));
        assertEquals("raw", parsed.getString("encoding"));
    }

    @Test
    void anythingElseFallsBackToTheGenericParser() {
        assertEquals(Optional.empty(), OutputFrame.tryRead("{\"type\":\"stdout\",\"id\":\"1\",\"data\":\"x\"}"));
        assertEquals(Optional.empty(), OutputFrame.tryRead("{\"id\":\"1\",\"type\":\"result\",\"result\":{}}"));
        assertEquals(Optional.empty(), OutputFrame.tryRead("{\"id\":\"1\",\"type\":\"stdout\",\"data\":\"x\",\"n\":1}"));
        assertEquals(Optional.empty(), OutputFrame.tryRead("{\"id\":\"1\",\"type\":\"stdout\",\"data\":\"x"));
        assertTrue(OutputFrame.tryRead("{\"id\":\"1\",\"type\":\"stdout\",\"data\":\"\"}").isPresent());
    }
}
