package io.kalpana.web.problem;

import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body sent without a length (chunked), cut off at {@link BodySizeLimit#MAX_BYTES}: reading past it
 * fails with the same 413 as a body whose declared length is too large, however deep the reader wraps it.
 */
final class LimitedBody extends FilterInputStream {

    private long read;

    LimitedBody(InputStream body) {
        super(body);
    }

    @Override
    public int read() throws IOException {
        int next = super.read();
        if (next >= 0) {
            count(1);
        }
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
            count(count);
        }
        return count;
    }

    private void count(int bytes) {
        read += bytes;
        if (read > BodySizeLimit.MAX_BYTES) {
            BodySizeLimit.drain(in);
            throw new KalpanaException(ProblemKind.PAYLOAD_TOO_LARGE, "payload_too_large", BodySizeLimit.TOO_LARGE);
        }
    }
}
