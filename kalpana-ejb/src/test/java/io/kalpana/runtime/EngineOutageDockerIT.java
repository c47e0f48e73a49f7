package io.kalpana.runtime;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Docker engine goes away and comes back while Kalpana runs: the same runtime answers with the clear 503
 * meanwhile and works again afterwards, without a restart. The outage is a TCP relay to the real engine's socket
 * that the test closes and reopens, so the engine other tests use is never stopped.
 */
class EngineOutageDockerIT {

    private final DockerTestSupport docker = new DockerTestSupport();
    private EngineRelay relay;
    private DockerWorkspaceRuntime runtime;

    @AfterEach
    void tearDown() throws IOException {
        try {
            docker.close();
        } finally {
            if (runtime != null) {
                runtime.close();
            }
            if (relay != null) {
                relay.close();
            }
        }
    }

    @Test
    void anEngineThatGoesAwayIsAClear503AndIsUsedAgainOnceItIsBack() throws Exception {
        relay = EngineRelay.open(0);
        int port = relay.port();
        runtime = new DockerWorkspaceRuntime(DockerTestSupport.settings().withDockerHost("tcp://127.0.0.1:" + port));
        runtime.ping();
        WorkspaceId id = docker.newWorkspace();
        StartedContainer started = runtime.start(docker.launch(id));

        relay.close();
        long before = System.nanoTime();
        KalpanaException down = assertThrows(KalpanaException.class, runtime::ping);
        assertEquals("docker_unavailable", down.code());
        assertTrue(Duration.ofNanos(System.nanoTime() - before).toSeconds() < 10, "the 503 comes quickly");
        assertEquals("docker_unavailable", assertThrows(KalpanaException.class, () -> runtime.inspect(id)).code());
        assertEquals(200, DockerTestSupport.healthzStatus(started.ports().ide()),
                "the workspace itself runs on while Kalpana cannot reach the engine");

        relay = EngineRelay.open(port);
        runtime.ping();
        assertTrue(runtime.inspect(id).running(), "the same runtime sees the workspace again");
        runtime.remove(id);
        assertTrue(!runtime.inspect(id).present(), "and can act on it");
    }

    /** Relays TCP connections on loopback to /var/run/docker.sock, one thread pair per connection. */
    static final class EngineRelay implements AutoCloseable {

        private final ServerSocketChannel server;
        private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

        private EngineRelay(ServerSocketChannel server) {
            this.server = server;
            Thread acceptor = new Thread(this::accept, "engine-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        static EngineRelay open(int port) throws IOException {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new EngineRelay(server);
        }

        int port() throws IOException {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        }

        private void accept() {
            while (server.isOpen()) {
                try {
                    SocketChannel client = server.accept();
                    SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                    engine.connect(UnixDomainSocketAddress.of("/var/run/docker.sock"));
                    open.add(client);
                    open.add(engine);
                    pump(client, engine);
                    pump(engine, client);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void pump(SocketChannel from, SocketChannel to) {
            Thread thread = new Thread(() -> {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                try {
                    while (from.read(buffer) >= 0) {
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            to.write(buffer);
                        }
                        buffer.clear();
                    }
                    to.shutdownOutput();
                } catch (IOException e) {
                    // The relay was closed: the outage the test wants.
                }
            }, "engine-relay-pump");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (SocketChannel channel : open) {
                channel.close();
            }
        }
    }
}
