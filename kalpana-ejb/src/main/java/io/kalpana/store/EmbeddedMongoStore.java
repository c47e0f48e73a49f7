package io.kalpana.store;

import de.bwaldvogel.mongo.MongoServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * An in-process server speaking the MongoDB wire protocol, backed by an H2 file, for installations
 * that configured no MongoDB. The application talks to it through the ordinary driver, exactly as it
 * would to a real MongoDB, so nothing else in Kalpana knows it exists.
 */
final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedMongoStore.class.getName());

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoStore(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    static EmbeddedMongoStore startIn(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded store directory " + directory, e);
        }
        Path file = directory.resolve("kalpana.mv");
        MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        LOG.info(() -> "Embedded MongoDB-wire store at " + address + " backed by " + file);
        return new EmbeddedMongoStore(server, address);
    }

    /** retryWrites=false because the embedded server does not implement retryable writes. */
    String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort() + "/?retryWrites=false";
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
