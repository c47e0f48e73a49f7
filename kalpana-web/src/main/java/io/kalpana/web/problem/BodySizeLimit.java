package io.kalpana.web.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.io.InputStream;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses API bodies over 1 MiB: before anything reads them when their length is declared, as soon as the limit
 * is passed when they come chunked.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 1024 * 1024;

    /** Read and dropped before answering, so that an HTTP/1.1 client still sending gets to see the 413. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    static final String TOO_LARGE = "The request body is larger than " + MAX_BYTES / 1024 + " KiB";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            if (request.getLength() <= DRAIN_LIMIT) {
                drain(request.getEntityStream());
            }
            request.abortWith(ProblemMapper.respond(413, "payload_too_large", TOO_LARGE));
        } else if (request.getLength() < 0 && request.hasEntity()) {
            request.setEntityStream(new LimitedBody(request.getEntityStream()));
        }
    }

    /** Reads and drops what is left of a body, up to {@link #DRAIN_LIMIT}. */
    static void drain(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        try {
            int read;
            while (drained < DRAIN_LIMIT && (read = body.read(buffer)) >= 0) {
                drained += read;
            }
        } catch (IOException clientGone) {
            // The client stopped sending; the 413 still goes out if it listens.
        }
    }
}
