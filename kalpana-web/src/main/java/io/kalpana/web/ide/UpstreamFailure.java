package io.kalpana.web.ide;

import java.io.IOException;

/** code-server could not be reached or broke off, as opposed to the browser going away. */
public class UpstreamFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public UpstreamFailure(IOException cause) {
        super(cause);
    }
}
