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
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.eclipse.jnosql.mapping.document.DocumentTemplateProducer;

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

    /**
     * In an EAR, JNoSQL sits in lib/ and cannot see beans of the EJB module, so its own template would fall
     * back to jnosql.* settings; producing the template here binds it to the manager above in both packagings.
     */
    @Produces
    @Alternative
    @Priority(Interceptor.Priority.APPLICATION + 10)
    @ApplicationScoped
    DocumentTemplate documentTemplate(DocumentTemplateProducer producer, @Database(DatabaseType.DOCUMENT) DatabaseManager manager) {
        return producer.apply(manager);
    }
}
