package io.kalpana.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** An in-process MongoDB-wire server (the embedded store's backend, in memory) and a client on it, for tests. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final MongoClient client;

    public InMemoryMongo() {
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?retryWrites=false");
    }

    public MongoDatabase database() {
        return client.getDatabase("kalpana");
    }

    /** A second client on the same server, as another Kalpana instance would have. */
    public MongoClient newClient() {
        return MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/?retryWrites=false");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
