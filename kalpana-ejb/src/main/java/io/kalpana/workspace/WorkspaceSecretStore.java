package io.kalpana.workspace;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.kalpana.runtime.BridgeToken;
import io.kalpana.runtime.CallbackToken;
import io.kalpana.runtime.IdePassword;
import io.kalpana.runtime.WorkspaceSecrets;
import io.kalpana.store.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The IDE password, bridge token and callback token of each running workspace, kept server-side so that "Open IDE" and
 * the agent work after a Kalpana restart. Never part of an API answer; forgotten when the container goes.
 */
@ApplicationScoped
public class WorkspaceSecretStore {

    static final String COLLECTION = "workspace_secrets";

    private Supplier<MongoDatabase> database;

    /** For the CDI proxy only. */
    protected WorkspaceSecretStore() {
    }

    @Inject
    public WorkspaceSecretStore(MongoConnection connection) {
        this(connection::database);
    }

    public WorkspaceSecretStore(Supplier<MongoDatabase> database) {
        this.database = database;
    }

    public void remember(WorkspaceId id, WorkspaceSecrets secrets) {
        collection().replaceOne(new Document("_id", id.value()),
                new Document("_id", id.value())
                        .append("idePassword", secrets.idePassword().value())
                        .append("bridgeToken", secrets.bridgeToken().value())
                        .append("callbackToken", secrets.callbackToken().value()),
                new ReplaceOptions().upsert(true));
    }

    public Optional<WorkspaceSecrets> of(WorkspaceId id) {
        Document found = collection().find(new Document("_id", id.value())).first();
        return Optional.ofNullable(found).map(doc -> new WorkspaceSecrets(
                new IdePassword(doc.getString("idePassword")), new BridgeToken(doc.getString("bridgeToken")),
                callbackToken(doc)));
    }

    /** Containers started before callback tokens existed never got one: a random value nobody holds refuses them. */
    private static CallbackToken callbackToken(Document doc) {
        String stored = doc.getString("callbackToken");
        return stored == null ? CallbackToken.generate() : new CallbackToken(stored);
    }

    public void forget(WorkspaceId id) {
        collection().deleteOne(new Document("_id", id.value()));
    }

    private MongoCollection<Document> collection() {
        return database.get().getCollection(COLLECTION);
    }
}
