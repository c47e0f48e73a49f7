package io.kalpana.runtime;

import io.kalpana.config.KalpanaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where workspace containers reach Kalpana: {@code kalpana.workspace.callback-url}, or else
 * {@code http://host.docker.internal:<port>} with the port of Kalpana's own HTTP listener. The server has no portable
 * way to name that port, so the web layer reports it from the first plain-HTTP request it serves; every start is
 * asked for by such a request, so the port is known before a container needs it.
 */
@ApplicationScoped
public class KalpanaCallbackUrl {

    private static final Logger LOG = Logger.getLogger(KalpanaCallbackUrl.class.getName());
    /** The name Docker resolves to its host's gateway address in containers started with host-gateway. */
    public static final String DOCKER_HOST_NAME = "host.docker.internal";

    private Optional<URI> configured;
    private volatile int httpPort;

    /** For the CDI proxy only. */
    protected KalpanaCallbackUrl() {
    }

    @Inject
    public KalpanaCallbackUrl(KalpanaConfig config) {
        this(config.workspaceCallbackUrl().map(KalpanaCallbackUrl::parse));
    }

    public KalpanaCallbackUrl(Optional<URI> configured) {
        this.configured = configured;
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kalpana.workspace.callback-url is not a URL: " + e.getMessage());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException("kalpana.workspace.callback-url must be an http:// or https:// URL with a host");
        }
        return uri;
    }

    /** Tells the port of Kalpana's plain-HTTP listener; the first one reported is kept. */
    public void observeHttpPort(int port) {
        if (httpPort == 0 && port > 0 && port <= 65535) {
            httpPort = port;
            LOG.info(() -> "workspace=* containers reach Kalpana at " + url().map(URI::toString).orElse("?"));
        }
    }

    public Optional<URI> url() {
        if (configured.isPresent()) {
            return configured;
        }
        int port = httpPort;
        return port == 0 ? Optional.empty() : Optional.of(URI.create("http://" + DOCKER_HOST_NAME + ":" + port));
    }
}
