package io.kalpana.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.kalpana.store.StoreUnavailable;
import io.kalpana.store.TextMatch;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the audit log filtered and paged by the database (native driver: JNoSQL cannot count a filtered
 * selection). Times are compared as the ISO-8601 text JNoSQL stores, which orders like the instants.
 */
final class AuditEvents {

    static final String COLLECTION = "audit_events";

    private final Supplier<MongoDatabase> database;

    AuditEvents(Supplier<MongoDatabase> database) {
        this.database = database;
    }

    AuditPage search(AuditQuery query) {
        List<Bson> parts = new ArrayList<>();
        query.actor().ifPresent(actor -> parts.add(TextMatch.containsIgnoringCase("actor", actor)));
        query.from().ifPresent(from -> parts.add(Filters.gte("at", from.toString())));
        query.to().ifPresent(to -> parts.add(Filters.lt("at", to.toString())));
        Bson filter = parts.isEmpty() ? Filters.empty() : Filters.and(parts);
        try {
            List<AuditEvent> events = new ArrayList<>();
            collection().find(filter).sort(Sorts.orderBy(Sorts.descending("at"), Sorts.descending("_id")))
                    .skip(query.offset()).limit(query.limit())
                    .forEach(document -> events.add(event(document)));
            return new AuditPage(events, collection().countDocuments(filter));
        } catch (RuntimeException e) {
            if (StoreUnavailable.isCauseOf(e)) {
                throw StoreUnavailable.problem(e);
            }
            throw e;
        }
    }

    private static AuditEvent event(Document document) {
        Object at = document.get("at");
        Instant instant = at instanceof String text ? Instant.parse(text)
                : at instanceof java.util.Date date ? date.toInstant() : Instant.EPOCH;
        return new AuditEvent(String.valueOf(document.get("_id")), instant, document.getString("actor"),
                document.getString("action"), document.getString("target"), document.getString("detail"));
    }

    private MongoCollection<Document> collection() {
        return database.get().getCollection(COLLECTION);
    }
}
