package io.kalpana.web.problem;

import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LimitedBodyTest {

    @Test
    void aChunkedBodyUpToTheLimitIsReadWhole() throws IOException {
        try (InputStream body = new LimitedBody(new ByteArrayInputStream(new byte[BodySizeLimit.MAX_BYTES]))) {
            assertEquals(BodySizeLimit.MAX_BYTES, body.readAllBytes().length);
        }
    }

    @Test
    void aChunkedBodyPastTheLimitIsA413AndIsDrained() {
        ByteArrayInputStream sent = new ByteArrayInputStream(new byte[3 * BodySizeLimit.MAX_BYTES]);
        InputStream body = new LimitedBody(sent);
        KalpanaException refused = assertThrows(KalpanaException.class, body::readAllBytes);
        assertEquals(ProblemKind.PAYLOAD_TOO_LARGE, refused.kind());
        assertEquals("payload_too_large", refused.code());
        assertEquals(0, sent.available(), "the rest is read, so the client still sending gets to see the 413");
    }

    @Test
    void readingByteByByteCountsToo() {
        InputStream body = new LimitedBody(new ByteArrayInputStream(new byte[BodySizeLimit.MAX_BYTES + 1]));
        assertThrows(KalpanaException.class, () -> {
            while (body.read() >= 0) {
                // reading one byte at a time
            }
        });
    }
}
