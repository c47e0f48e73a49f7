package io.kalpana.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.kalpana.config.KalpanaConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The one MongoDB client of this Kalpana instance, shared by JNoSQL and the code that needs the native
 * driver (unique indexes, atomic updates). Connects to {@code kalpana.mongodb.uri}, or starts the
 * embedded store under the data directory when that key is unset.
 */
@ApplicationScoped
public class MongoConnection {

    private static final Logger LOG = Logger.getLogger(MongoConnection.class.getName());

    @Inject
    KalpanaConfig config;

    private EmbeddedMongoStore embedded;
    private MongoClient client;
    private String databaseName;

    private synchronized void open() {
        if (client != null) {
            return;
        }
        Optional<String> configured = config.mongodbUri();
        String uri;
        if (configured.isPresent()) {
            uri = configured.get();
            LOG.info(() -> "Using MongoDB at " + redact(uri));
        } else {
            embedded = EmbeddedMongoStore.startIn(config.dataDir().resolve("store"));
            uri = embedded.connectionString();
        }
        databaseName = config.mongodbDatabase();
        client = MongoClients.create(settings(uri));
        Indexes.ensure(client.getDatabase(databaseName));
    }

    /** Short timeouts so an unreachable database surfaces as a clear 503 instead of a hung request. */
    static MongoClientSettings settings(String uri) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(30, TimeUnit.SECONDS))
                .build();
    }

    public MongoClient client() {
        open();
        return client;
    }

    public MongoDatabase database() {
        open();
        return client.getDatabase(databaseName);
    }

    public String databaseName() {
        open();
        return databaseName;
    }

    public boolean embedded() {
        return config.mongodbUri().isEmpty();
    }

    static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
