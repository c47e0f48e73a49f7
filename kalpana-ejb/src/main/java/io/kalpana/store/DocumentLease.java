package io.kalpana.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A named lease in MongoDB that at most one holder has at a time, across Kalpana instances sharing the
 * database. It expires on its own, so a holder that died without releasing it blocks others only until then.
 * Taken with an insert (the unique {@code _id} decides who creates it) or a conditional update (only an
 * expired lease, or one the same holder has, is taken over), both atomic on any MongoDB.
 */
public class DocumentLease {

    public static final String COLLECTION = "leases";

    private static final String ID = "_id";
    private static final String HOLDER = "holder";
    private static final String EXPIRES_AT = "expiresAtMillis";

    private final Supplier<MongoDatabase> database;
    private final Clock clock;

    public DocumentLease(Supplier<MongoDatabase> database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** True when {@code holder} has the lease {@code name} for {@code ttl} from now (taken or renewed). */
    public boolean tryAcquire(String name, String holder, Duration ttl) {
        long now = clock.millis();
        long until = now + ttl.toMillis();
        try {
            collection().insertOne(new Document(ID, name).append(HOLDER, holder).append(EXPIRES_AT, until));
            return true;
        } catch (RuntimeException e) {
            if (!DuplicateKey.isCauseOf(e)) {
                throw e;
            }
        }
        Document taken = collection().findOneAndUpdate(
                Filters.and(Filters.eq(ID, name), Filters.or(Filters.eq(HOLDER, holder), Filters.lt(EXPIRES_AT, now))),
                Updates.combine(Updates.set(HOLDER, holder), Updates.set(EXPIRES_AT, until)));
        return taken != null;
    }

    /** Gives the lease back early; does nothing when someone else holds it by now. */
    public void release(String name, String holder) {
        collection().deleteOne(Filters.and(Filters.eq(ID, name), Filters.eq(HOLDER, holder)));
    }

    private MongoCollection<Document> collection() {
        return database.get().getCollection(COLLECTION);
    }
}
