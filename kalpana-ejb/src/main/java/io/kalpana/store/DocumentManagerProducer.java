package io.kalpana.store;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.mapping.Database;
import org.eclipse.jnosql.mapping.DatabaseType;

/**
 * Hands JNoSQL the shared client instead of letting it open its own from {@code jnosql.*} settings,
 * so the embedded store and a real MongoDB are configured by the same key.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
@ApplicationScoped
public class DocumentManagerProducer {

    @Produces
    @Alternative
    @Priority(Interceptor.Priority.APPLICATION + 10)
    @ApplicationScoped
    @Database(DatabaseType.DOCUMENT)
    DatabaseManager documentManager(MongoConnection connection) {
        return new MongoDBDocumentConfiguration().get(connection.client()).apply(connection.databaseName());
    }
}
