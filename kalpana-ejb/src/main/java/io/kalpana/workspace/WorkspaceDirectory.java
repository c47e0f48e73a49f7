package io.kalpana.workspace;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.kalpana.identity.Username;
import io.kalpana.store.MongoConnection;
import io.kalpana.store.StoreUnavailable;
import io.kalpana.store.TextMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every workspace, of every person, for administrators: filtered, sorted and paged by the database so that
 * the admin table costs one page of documents whatever the number of workspaces. Native driver, because
 * JNoSQL cannot count a filtered selection nor match case-insensitively; field names and value types are
 * the ones JNoSQL writes for {@link Workspace} (see {@link WorkspaceStates}).
 */
@ApplicationScoped
public class WorkspaceDirectory {

    private static final Bson ROW_FIELDS = Projections.include("name", "owner", "status", "statusReason", "template", "image",
            "idePort", "bridgePort", "createdAt", "updatedAt");

    private Supplier<MongoDatabase> database;

    /** For the CDI proxy only. */
    protected WorkspaceDirectory() {
    }

    @Inject
    public WorkspaceDirectory(MongoConnection connection) {
        this(connection::database);
    }

    public WorkspaceDirectory(Supplier<MongoDatabase> database) {
        this.database = database;
    }

    public WorkspacePage find(WorkspaceQuery query) {
        return new WorkspacePage(rows(query), count(query));
    }

    /** The rows of the query's page only, for callers (the lazy table) that count separately. */
    public List<WorkspaceRow> rows(WorkspaceQuery query) {
        Bson order = query.descending() ? Sorts.descending(query.sortBy().documentField())
                : Sorts.ascending(query.sortBy().documentField());
        return StoreUnavailable.guard(() -> {
            List<WorkspaceRow> rows = new ArrayList<>();
            // The id breaks ties, so that paging through rows with equal sort values neither skips nor repeats any.
            collection().find(filterOf(query)).projection(ROW_FIELDS)
                    .sort(Sorts.orderBy(order, Sorts.ascending("_id")))
                    .skip(query.offset()).limit(query.limit())
                    .forEach(document -> rows.add(row(document)));
            return rows;
        });
    }

    /**
     * How many workspaces match the query's filters, whatever its page. Without filters, the collection's own
     * count: countDocuments runs an aggregation over every document, which the unfiltered table would pay on
     * each page turn.
     */
    public long count(WorkspaceQuery query) {
        if (query.owner().isEmpty() && query.name().isEmpty() && query.status().isEmpty()) {
            return StoreUnavailable.guard(() -> collection().estimatedDocumentCount());
        }
        return StoreUnavailable.guard(() -> collection().countDocuments(filterOf(query)));
    }

    /** How many workspaces are in each status, every status present (zero when none). */
    public Map<WorkspaceStatus, Long> countByStatus() {
        return StoreUnavailable.guard(() -> {
            Map<WorkspaceStatus, Long> counts = new EnumMap<>(WorkspaceStatus.class);
            for (WorkspaceStatus status : WorkspaceStatus.values()) {
                counts.put(status, collection().countDocuments(Filters.eq("status", status.name())));
            }
            return counts;
        });
    }

    /** The rows of the given workspaces, for naming them in the port map; unknown ids are left out. */
    public Map<WorkspaceId, WorkspaceRow> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return StoreUnavailable.guard(() -> {
            Map<WorkspaceId, WorkspaceRow> rows = new HashMap<>();
            collection().find(Filters.in("_id", List.copyOf(ids))).projection(ROW_FIELDS)
                    .forEach(document -> {
                        WorkspaceRow row = row(document);
                        rows.put(row.id(), row);
                    });
            return rows;
        });
    }

    /** Status and reason of every workspace changed at or after {@code since}, for the live console. */
    public List<WorkspaceRow> changedSince(Instant since) {
        return StoreUnavailable.guard(() -> {
            List<WorkspaceRow> rows = new ArrayList<>();
            collection().find(Filters.gte("updatedAt", since.toString())).projection(ROW_FIELDS)
                    .forEach(document -> rows.add(row(document)));
            return rows;
        });
    }

    public long count() {
        return StoreUnavailable.guard(() -> collection().countDocuments());
    }

    static Bson filterOf(WorkspaceQuery query) {
        List<Bson> parts = new ArrayList<>();
        query.owner().ifPresent(owner -> parts.add(TextMatch.containsIgnoringCase("owner", owner)));
        query.name().ifPresent(name -> parts.add(TextMatch.containsIgnoringCase("name", name)));
        query.status().ifPresent(status -> parts.add(Filters.eq("status", status.name())));
        return parts.isEmpty() ? Filters.empty() : Filters.and(parts);
    }

    private static WorkspaceRow row(Document document) {
        return new WorkspaceRow(new WorkspaceId(document.getString("_id")), document.getString("name"),
                new Username(document.getString("owner")), WorkspaceStatus.valueOf(document.getString("status")),
                Optional.ofNullable(document.getString("statusReason")), document.getString("template"),
                Optional.ofNullable(document.getString("image")).orElse(document.getString("template")),
                Optional.ofNullable(document.getInteger("idePort")), Optional.ofNullable(document.getInteger("bridgePort")),
                instant(document.get("createdAt")), instant(document.get("updatedAt")));
    }

    private static Instant instant(Object value) {
        if (value instanceof String text) {
            return Instant.parse(text);
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        return Instant.EPOCH;
    }

    private MongoCollection<Document> collection() {
        return database.get().getCollection(Workspace.COLLECTION);
    }

}
