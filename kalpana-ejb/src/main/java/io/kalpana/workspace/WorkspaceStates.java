package io.kalpana.workspace;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.kalpana.port.PortPair;
import io.kalpana.store.MongoConnection;
import io.kalpana.store.StoreUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Moves a workspace from one status to the next as a compare-and-set on its document: the update applies
 * only while the status is one of those expected, so of two racing starts, stops or deletes (in this or
 * another Kalpana instance) exactly one wins. Written through the native driver because JNoSQL cannot
 * express a conditional update; field names and value types are the ones JNoSQL writes for
 * {@link Workspace}: the status as its enum name, instants as ISO-8601 text, ports as integers.
 */
@ApplicationScoped
public class WorkspaceStates {

    private static final String ID = "_id";
    private static final String STATUS = "status";
    private static final String STATUS_REASON = "statusReason";
    private static final String CONTAINER_ID = "containerId";
    private static final String IDE_PORT = "idePort";
    private static final String BRIDGE_PORT = "bridgePort";
    private static final String UPDATED_AT = "updatedAt";

    private Supplier<MongoDatabase> database;
    private Clock clock;

    /** For the CDI proxy only. */
    protected WorkspaceStates() {
    }

    @Inject
    public WorkspaceStates(MongoConnection connection) {
        this(connection::database, Clock.systemUTC());
    }

    public WorkspaceStates(Supplier<MongoDatabase> database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The status now, empty when the workspace does not exist (any more). */
    public Optional<WorkspaceStatus> statusOf(WorkspaceId id) {
        return guarded(() -> Optional.ofNullable(collection().find(Filters.eq(ID, id.value()))
                .projection(Projections.include(STATUS)).first()).map(WorkspaceStates::status));
    }

    /** Claims a start: only one caller gets {@code true} while the workspace is STOPPED or ERROR. */
    public boolean beginStart(WorkspaceId id) {
        return swap(id, Set.of(WorkspaceStatus.STOPPED, WorkspaceStatus.ERROR), WorkspaceStatus.STARTING,
                Updates.set(STATUS_REASON, null)).isPresent();
    }

    /** Records the container of a start that is still STARTING; false when a stop or delete overtook it. */
    public boolean markRunning(WorkspaceId id, String containerId, PortPair ports, String reason) {
        return swap(id, Set.of(WorkspaceStatus.STARTING), WorkspaceStatus.RUNNING,
                Updates.set(CONTAINER_ID, containerId),
                Updates.set(IDE_PORT, ports.ide().number()),
                Updates.set(BRIDGE_PORT, ports.bridge().number()),
                Updates.set(STATUS_REASON, reason)).isPresent();
    }

    /** Claims a stop; the status it stopped from tells a stop that overtook a start from an ordinary one. */
    public Optional<WorkspaceStatus> beginStop(WorkspaceId id) {
        return swap(id, Set.of(WorkspaceStatus.RUNNING, WorkspaceStatus.STARTING, WorkspaceStatus.ERROR),
                WorkspaceStatus.STOPPING, Updates.set(STATUS_REASON, null));
    }

    /** Claims a delete: STOPPING keeps starts out while the container and volume are being removed. */
    public Optional<WorkspaceStatus> beginDelete(WorkspaceId id) {
        return swap(id, Set.of(WorkspaceStatus.STOPPED, WorkspaceStatus.ERROR), WorkspaceStatus.STOPPING,
                Updates.set(STATUS_REASON, "being deleted"));
    }

    public boolean markStopped(WorkspaceId id, Set<WorkspaceStatus> expected, String reason) {
        return swap(id, expected, WorkspaceStatus.STOPPED, withoutContainer(reason)).isPresent();
    }

    public boolean markError(WorkspaceId id, Set<WorkspaceStatus> expected, String reason) {
        return swap(id, expected, WorkspaceStatus.ERROR, withoutContainer(reason)).isPresent();
    }

    /** Changes only the reason, and only while the status is still {@code expected}. */
    public boolean noteReason(WorkspaceId id, WorkspaceStatus expected, String reason) {
        return swap(id, Set.of(expected), expected, Updates.set(STATUS_REASON, reason)).isPresent();
    }

    /** Ids of the workspaces the database believes have (or are getting) a container. */
    public Set<WorkspaceId> active() {
        return withStatus(Set.of(WorkspaceStatus.RUNNING, WorkspaceStatus.STARTING));
    }

    public Set<WorkspaceId> withStatus(Set<WorkspaceStatus> statuses) {
        return guarded(() -> {
            Set<WorkspaceId> ids = new HashSet<>();
            collection().find(Filters.in(STATUS, names(statuses)))
                    .projection(Projections.include(ID))
                    .forEach(document -> ids.add(new WorkspaceId(document.getString(ID))));
            return ids;
        });
    }

    private Bson[] withoutContainer(String reason) {
        return new Bson[]{Updates.set(CONTAINER_ID, null), Updates.set(IDE_PORT, null),
                Updates.set(BRIDGE_PORT, null), Updates.set(STATUS_REASON, reason)};
    }

    /** The status before the swap when this call won it; empty when the workspace was not in {@code expected}. */
    private Optional<WorkspaceStatus> swap(WorkspaceId id, Set<WorkspaceStatus> expected, WorkspaceStatus next,
                                           Bson... changes) {
        List<Bson> updates = new ArrayList<>(Arrays.asList(changes));
        updates.add(Updates.set(STATUS, next.name()));
        updates.add(Updates.set(UPDATED_AT, clock.instant().toString()));
        return guarded(() -> Optional.ofNullable(collection().findOneAndUpdate(
                        Filters.and(Filters.eq(ID, id.value()), Filters.in(STATUS, names(expected))),
                        Updates.combine(updates),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)
                                .projection(Projections.include(STATUS))))
                .map(WorkspaceStates::status));
    }

    private static WorkspaceStatus status(Document document) {
        return WorkspaceStatus.valueOf(document.getString(STATUS));
    }

    private static List<String> names(Set<WorkspaceStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private MongoCollection<Document> collection() {
        return database.get().getCollection(Workspace.COLLECTION);
    }

    private static <T> T guarded(Supplier<T> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            if (StoreUnavailable.isCauseOf(e)) {
                throw StoreUnavailable.problem(e);
            }
            throw e;
        }
    }
}
