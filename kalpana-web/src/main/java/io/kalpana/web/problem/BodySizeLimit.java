package io.kalpana.web.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.io.InputStream;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Refuses API bodies over 1 MiB before anything reads them. */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 1024 * 1024;

    /** Read and dropped before answering, so that an HTTP/1.1 client still sending gets to see the 413. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            if (request.getLength() <= DRAIN_LIMIT) {
                drain(request.getEntityStream());
            }
            request.abortWith(ProblemMapper.respond(413, "payload_too_large",
                    "The request body is larger than " + MAX_BYTES / 1024 + " KiB"));
        }
    }

    private static void drain(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (body.read(buffer) >= 0) {
                // discard
            }
        } catch (IOException clientGone) {
            // The client stopped sending; the 413 still goes out if it listens.
        }
    }
}
