package io.kalpana.agent;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.kalpana.store.MongoConnection;
import io.kalpana.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** Conversations in MongoDB, one document per workspace, replaced whole at each save. */
@ApplicationScoped
public class ConversationStore {

    static final String COLLECTION = "conversations";

    private Supplier<MongoCollection<Document>> collection;
    private Clock clock = Clock.systemUTC();

    /** For the CDI proxy only. */
    protected ConversationStore() {
    }

    @Inject
    public ConversationStore(MongoConnection mongo) {
        this(() -> mongo.database().getCollection(COLLECTION));
    }

    public ConversationStore(Supplier<MongoCollection<Document>> collection) {
        this.collection = collection;
    }

    public Optional<Transcript> load(WorkspaceId workspace) {
        return Optional.ofNullable(collection.get().find(Filters.eq("_id", workspace.value())).first())
                .map(TranscriptDocuments::fromDocument);
    }

    public void save(Transcript transcript) {
        collection.get().replaceOne(Filters.eq("_id", transcript.workspaceId()),
                TranscriptDocuments.toDocument(transcript, clock.instant()), new ReplaceOptions().upsert(true));
    }

    public void delete(WorkspaceId workspace) {
        collection.get().deleteOne(Filters.eq("_id", workspace.value()));
    }
}
