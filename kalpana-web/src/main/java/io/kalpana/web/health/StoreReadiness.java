package io.kalpana.web.health;

import io.kalpana.store.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers a ping: without it no request can be served correctly. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    @Inject
    MongoConnection connection;

    @Override
    public HealthCheckResponse call() {
        try {
            connection.database().runCommand(new Document("ping", 1));
            return HealthCheckResponse.named("store").up()
                    .withData("embedded", connection.embedded()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("store").down()
                    .withData("embedded", connection.embedded())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
