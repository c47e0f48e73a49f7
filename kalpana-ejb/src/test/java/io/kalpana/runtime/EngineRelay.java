package io.kalpana.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Relays TCP connections on loopback to /var/run/docker.sock, one thread pair per connection, so a test can take
 * the engine away from Kalpana ({@link #close()}) without stopping the engine other builds use. It can also hold
 * back the requests a test names ({@link #hold}), which then hang as on an engine that stopped answering: the hook
 * that catches Kalpana in the middle of one engine call.
 */
public final class EngineRelay implements AutoCloseable {

    private final ServerSocketChannel server;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile Predicate<String> held = request -> false;
    private volatile CountDownLatch holding = new CountDownLatch(1);
    /** Set before anything is closed: a request that reaches a pump after the cut is dropped, not relayed. */
    private volatile boolean gone;

    private EngineRelay(ServerSocketChannel server) {
        this.server = server;
        Thread acceptor = new Thread(this::accept, "engine-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay on {@code port} of the loopback address; 0 picks a free one. */
    public static EngineRelay open(int port) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new EngineRelay(server);
    }

    public int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** The engine address to give Kalpana: {@code tcp://127.0.0.1:<port>}. */
    public String dockerHost() throws IOException {
        return "tcp://127.0.0.1:" + port();
    }

    /**
     * From now on, a request whose text (request line, headers, the start of its body) matches {@code request}
     * is not passed on, nor anything after it on its connection; {@link #awaitHeld} tells when one arrived.
     */
    public void hold(Predicate<String> request) {
        holding = new CountDownLatch(1);
        held = request;
    }

    /** Waits until a request {@link #hold} names arrived; fails after {@code limit}. */
    public void awaitHeld(Duration limit) throws InterruptedException {
        if (!holding.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no held engine request within " + limit);
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                engine.connect(UnixDomainSocketAddress.of("/var/run/docker.sock"));
                open.add(client);
                open.add(engine);
                if (gone) {
                    // Accepted just before the cut, added after close() went through the list.
                    client.close();
                    engine.close();
                    return;
                }
                pump(client, engine, true);
                pump(engine, client, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to, boolean requests) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    if (gone) {
                        return;
                    }
                    if (requests && held.test(StandardCharsets.ISO_8859_1.decode(buffer.duplicate()).toString())) {
                        holding.countDown();
                        return;
                    }
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

    /** The engine goes away: no new connections, and the open ones (held requests included) are cut. */
    @Override
    public void close() throws IOException {
        // Closing one connection makes Kalpana clean up at once, through another pooled one that may not be closed
        // yet: the flag cuts them all before the first is closed.
        gone = true;
        server.close();
        for (SocketChannel channel : open) {
            channel.close();
        }
    }
}
