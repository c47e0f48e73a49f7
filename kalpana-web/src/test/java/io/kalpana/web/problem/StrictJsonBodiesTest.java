package io.kalpana.web.problem;

import io.kalpana.problem.KalpanaException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonBodiesTest {

    public record Request(String name, Integer count, Boolean flag, List<String> roles) {
    }

    private final StrictJsonBodies reader = new StrictJsonBodies();

    @SuppressWarnings("unchecked")
    private Request read(byte[] body) {
        return (Request) reader.readFrom((Class<Record>) (Class<?>) Request.class, Request.class, null, null, null,
                new ByteArrayInputStream(body));
    }

    private Request read(String body) {
        return read(body.getBytes(StandardCharsets.UTF_8));
    }

    private String refusal(String body) {
        return assertThrows(KalpanaException.class, () -> read(body), body.length() > 100 ? body.substring(0, 100) : body).code();
    }

    @Test
    void aWellFormedObjectOfTheRightTypesIsRead() {
        assertEquals(new Request("a\u00e9\uD83D\uDE00", 3, true, List.of("user")),
                read("{\"name\":\"a\u00e9\uD83D\uDE00\",\"count\":3,\"flag\":true,\"roles\":[\"user\"]}"));
        assertEquals(new Request(null, null, null, null), read("{\"name\":null}"));
        assertNull(read("null"), "no body: the resource says what to send");
    }

    @Test
    void wrongTypesAreRefusedRatherThanConverted() {
        assertEquals("wrong_json_type", refusal("{\"name\":42}"));
        assertEquals("wrong_json_type", refusal("{\"name\":true}"));
        assertEquals("wrong_json_type", refusal("{\"name\":{\"a\":{}}}"));
        assertEquals("wrong_json_type", refusal("{\"count\":1.5}"));
        assertEquals("wrong_json_type", refusal("{\"count\":\"3\"}"));
        assertEquals("wrong_json_type", refusal("{\"count\":99999999999}"));
        assertEquals("wrong_json_type", refusal("{\"flag\":\"true\"}"));
        assertEquals("wrong_json_type", refusal("{\"roles\":\"user\"}"));
        assertEquals("wrong_json_type", refusal("{\"roles\":[1]}"));
        assertEquals("wrong_json_type", refusal("[{\"name\":\"a\"}]"));
        assertEquals("wrong_json_type", refusal("\"text\""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBodyThatBreaksOffIsNotCalledMalformed() {
        InputStream brokenOff = new SequenceInputStream(new ByteArrayInputStream("{\"name\":\"ha".getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("Stream closed");
                    }
                });
        KalpanaException refused = assertThrows(KalpanaException.class, () -> reader.readFrom(
                (Class<Record>) (Class<?>) Request.class, Request.class, null, null, null, brokenOff));
        assertEquals("body_unreadable", refused.code());
        assertTrue(refused.getMessage().contains("Send the request again"), refused.getMessage());
        assertEquals("malformed_json", assertThrows(KalpanaException.class,
                () -> read(new byte[]{'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})).code(),
                "bad UTF-8 is the sender's JSON at fault");
    }

    @Test
    void malformedAndUnknownInputIsRefused() {
        assertEquals("unknown_field", refusal("{\"nmae\":\"typo\"}"));
        assertEquals("malformed_json", refusal("{\"name\":\"a\"}}}"));
        assertEquals("malformed_json", refusal("{\"name\":"));
        assertEquals("malformed_json", refusal(""));
        assertEquals("malformed_json", refusal("{'name':'a'}"));
        assertEquals("malformed_json", refusal("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
        assertEquals("malformed_json", assertThrows(KalpanaException.class,
                () -> read(new byte[]{'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, '"', '}'})).code());
    }
}
