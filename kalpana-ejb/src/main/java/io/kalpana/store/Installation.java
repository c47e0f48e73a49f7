package io.kalpana.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.UUID;
import java.util.logging.Logger;

/**
 * The identity of one Kalpana installation, kept in its database: instances sharing a database share it,
 * so Docker objects can be told apart from those of another installation on the same engine.
 */
@ApplicationScoped
public class Installation {

    private static final Logger LOG = Logger.getLogger(Installation.class.getName());
    static final String COLLECTION = "installation";
    private static final String KEY = "this";

    @Inject
    MongoConnection mongo;

    private volatile String id;

    /** Created on first use with an upsert, so two instances starting together agree on one value. */
    public String id() {
        String known = id;
        if (known != null) {
            return known;
        }
        MongoCollection<Document> collection = mongo.database().getCollection(COLLECTION);
        Document stored = collection.findOneAndUpdate(Filters.eq("_id", KEY),
                Updates.setOnInsert("id", UUID.randomUUID().toString()),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        id = stored.getString("id");
        LOG.info(() -> "workspace=* installation " + id);
        return id;
    }
}
