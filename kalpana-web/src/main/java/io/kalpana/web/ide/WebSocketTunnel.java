package io.kalpana.web.ide;

import io.kalpana.workspace.WorkspaceId;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A WebSocket after its handshake: bytes from the browser go to code-server's socket as they arrive, bytes from
 * code-server go to the browser from a thread of their own. Frames are not parsed; either side closing ends both.
 */
public class WebSocketTunnel implements HttpUpgradeHandler {

    private static final Logger LOG = Logger.getLogger(WebSocketTunnel.class.getName());
    private static final int BUFFER = 16 * 1024;

    private UpstreamHandshake upstream;
    private ManagedThreadFactory threads;
    private WorkspaceId workspace;
    private Runnable onTraffic;
    private Runnable onClose = () -> { };
    private WebConnection connection;
    private ServletOutputStream toBrowser;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Guards writes to the browser and {@link #frames}, so that a close frame never lands inside another frame. */
    private final Object browserWrites = new Object();
    private final FrameBoundary frames = new FrameBoundary();

    /** Called by the proxy between {@code request.upgrade} and the container's {@link #init}. */
    void connectTo(UpstreamHandshake upstream, ManagedThreadFactory threads, WorkspaceId workspace, Runnable onTraffic,
                   Runnable onClose) {
        this.upstream = upstream;
        this.threads = threads;
        this.workspace = workspace;
        this.onTraffic = onTraffic;
        this.onClose = onClose;
    }

    WorkspaceId workspace() {
        return workspace;
    }

    @Override
    public void init(WebConnection webConnection) {
        this.connection = webConnection;
        try {
            ServletInputStream fromBrowser = webConnection.getInputStream();
            toBrowser = webConnection.getOutputStream();
            OutputStream toUpstream = upstream.socket().getOutputStream();
            threads.newThread(() -> pumpToBrowser(upstream.input())).start();
            fromBrowser.setReadListener(new BrowserReader(fromBrowser, toUpstream));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "workspace=" + workspace + " IDE WebSocket could not start");
            close();
        }
    }

    @Override
    public void destroy() {
        close();
    }

    private void pumpToBrowser(InputStream fromUpstream) {
        byte[] buffer = new byte[BUFFER];
        try {
            int read;
            while ((read = fromUpstream.read(buffer)) >= 0) {
                synchronized (browserWrites) {
                    if (closed.get()) {
                        break;
                    }
                    toBrowser.write(buffer, 0, read);
                    frames.feed(buffer, 0, read);
                    if (fromUpstream.available() == 0) {
                        toBrowser.flush();
                    }
                }
                onTraffic.run();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, e, () -> "workspace=" + workspace + " IDE WebSocket ended from code-server's side");
        } finally {
            close();
        }
    }

    /** Ends both sides; safe to call more than once and from any thread. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        onClose.run();
        try {
            if (upstream != null) {
                upstream.socket().close();
            }
        } catch (IOException ignored) {
            // already gone
        }
        // Tell the browser properly (a close frame), so it does not wait on a connection the container may keep.
        synchronized (browserWrites) {
            try {
                if (toBrowser != null && frames.atBoundary()) {
                    toBrowser.write(FrameBoundary.closeFrame(1001, "IDE connection ended"));
                    toBrowser.flush();
                }
            } catch (IOException | RuntimeException ignored) {
                // the browser is already gone
            }
        }
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (Exception ignored) {
            // already gone
        }
    }

    private final class BrowserReader implements ReadListener {

        private final ServletInputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[BUFFER];

        BrowserReader(ServletInputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (in.isReady()) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
            }
            out.flush();
            onTraffic.run();
        }

        @Override
        public void onAllDataRead() {
            close();
        }

        @Override
        public void onError(Throwable failure) {
            LOG.log(Level.FINE, failure, () -> "workspace=" + workspace + " IDE WebSocket ended from the browser's side");
            close();
        }
    }
}
