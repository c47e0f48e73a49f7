package io.kalpana.capacity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.kalpana.store.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The last day of capacity samples in the {@code capacity_samples} collection. Times are ISO-8601 text like
 * everything JNoSQL writes, so range queries compare them as text, which orders like the instants.
 */
@ApplicationScoped
public class CapacitySamples {

    static final String COLLECTION = "capacity_samples";
    public static final Duration KEPT_FOR = Duration.ofHours(24);

    private Supplier<MongoDatabase> database;

    /** For the CDI proxy only. */
    protected CapacitySamples() {
    }

    @Inject
    public CapacitySamples(MongoConnection connection) {
        this(connection::database);
    }

    public CapacitySamples(Supplier<MongoDatabase> database) {
        this.database = database;
    }

    /** Stores the sample and drops those older than {@link #KEPT_FOR} before it; returns how many were dropped. */
    public long add(CapacitySample sample) {
        Document document = new Document("at", sample.at().toString()).append("running", sample.running())
                .append("memoryBytes", sample.memoryBytes().isPresent() ? sample.memoryBytes().getAsLong() : null);
        collection().insertOne(document);
        return collection().deleteMany(Filters.lt("at", sample.at().minus(KEPT_FOR).toString())).getDeletedCount();
    }

    /** Samples of the {@link #KEPT_FOR} before {@code now}, oldest first. */
    public List<CapacitySample> lastDay(Instant now) {
        List<CapacitySample> samples = new ArrayList<>();
        collection().find(Filters.gte("at", now.minus(KEPT_FOR).toString())).sort(Sorts.ascending("at"))
                .forEach(document -> {
                    Number memory = document.get("memoryBytes", Number.class);
                    samples.add(new CapacitySample(Instant.parse(document.getString("at")),
                            document.get("running", Number.class).intValue(),
                            memory == null ? OptionalLong.empty() : OptionalLong.of(memory.longValue())));
                });
        return samples;
    }

    private MongoCollection<Document> collection() {
        return database.get().getCollection(COLLECTION);
    }
}
