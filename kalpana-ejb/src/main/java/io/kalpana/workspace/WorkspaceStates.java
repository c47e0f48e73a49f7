package io.kalpana.workspace;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.kalpana.identity.Username;
import io.kalpana.image.ImageName;
import io.kalpana.port.PortPair;
import io.kalpana.store.MongoConnection;
import io.kalpana.store.StoreUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Instant;
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
    private static final String OWNER = "owner";
    private static final String STATUS_REASON = "statusReason";
    private static final String CONTAINER_ID = "containerId";
    private static final String IDE_PORT = "idePort";
    private static final String BRIDGE_PORT = "bridgePort";
    private static final String UPDATED_AT = "updatedAt";
    private static final String LAST_ACTIVITY_AT = "lastActivityAt";
    private static final String LAST_ACTIVITY_MILLIS = "lastActivityMillis";
    private static final String LAST_SIGNAL = "lastSignal";
    private static final String STARTED_AT = "startedAt";
    private static final String STOPPED_AT = "stoppedAt";
    private static final String WARNING = "warning";
    private static final String WARNING_KIND = "warningKind";
    private static final String WARNED_AT = "warnedAt";
    /** Set while a delete is under way, so that one Kalpana cut short can be told from a stop and finished. */
    private static final String DELETE_REQUESTED_AT = "deleteRequestedAt";

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
        return StoreUnavailable.guard(() -> Optional.ofNullable(collection().find(Filters.eq(ID, id.value()))
                .projection(Projections.include(STATUS)).first()).map(WorkspaceStates::status));
    }

    /** The owner of the workspace when it is RUNNING; empty when it does not exist or runs not. */
    public Optional<Username> ownerIfRunning(WorkspaceId id) {
        return StoreUnavailable.guard(() -> Optional.ofNullable(collection().find(Filters.eq(ID, id.value()))
                .projection(Projections.include(STATUS, OWNER)).first()))
                .filter(document -> status(document) == WorkspaceStatus.RUNNING)
                .map(document -> new Username(document.getString(OWNER)));
    }

    /** Claims a start: only one caller gets {@code true} while the workspace is STOPPED or ERROR. */
    public boolean beginStart(WorkspaceId id) {
        return swap(id, Set.of(WorkspaceStatus.STOPPED, WorkspaceStatus.ERROR), WorkspaceStatus.STARTING,
                Updates.set(STATUS_REASON, null)).isPresent();
    }

    /** Records the container of a start that is still STARTING; false when a stop or delete overtook it. */
    public boolean markRunning(WorkspaceId id, String containerId, PortPair ports, String reason) {
        // The start itself is the first sign of use, written with the status so the reaper never sees a
        // RUNNING workspace with the idle time of its previous run.
        Instant now = clock.instant();
        return swap(id, Set.of(WorkspaceStatus.STARTING), WorkspaceStatus.RUNNING,
                Updates.set(CONTAINER_ID, containerId),
                Updates.set(IDE_PORT, ports.ide().number()),
                Updates.set(BRIDGE_PORT, ports.bridge().number()),
                Updates.set(STATUS_REASON, reason),
                Updates.set(STARTED_AT, now.toString()),
                Updates.set(LAST_ACTIVITY_AT, now.toString()),
                Updates.set(LAST_ACTIVITY_MILLIS, now.toEpochMilli()),
                Updates.set(LAST_SIGNAL, ActivitySignal.STARTED.name()),
                Updates.set(WARNING, null), Updates.set(WARNING_KIND, null), Updates.set(WARNED_AT, null)).isPresent();
    }

    /**
     * Claims an idle stop: only while the workspace is RUNNING and no activity newer than {@code seenActivityMillis}
     * arrived since the reaper looked, so a keystroke in the last moment wins over the reaper.
     */
    public boolean beginIdleStop(WorkspaceId id, long seenActivityMillis) {
        return swapIf(id, Filters.or(Filters.eq(LAST_ACTIVITY_MILLIS, null), Filters.lte(LAST_ACTIVITY_MILLIS, seenActivityMillis)),
                Set.of(WorkspaceStatus.RUNNING), WorkspaceStatus.STOPPING, Updates.set(STATUS_REASON, null)).isPresent();
    }

    /** Claims a stop of a RUNNING workspace only (the reaper's lifetime limit). */
    public boolean beginRunningStop(WorkspaceId id) {
        return swap(id, Set.of(WorkspaceStatus.RUNNING), WorkspaceStatus.STOPPING, Updates.set(STATUS_REASON, null))
                .isPresent();
    }

    /** Claims the clean-up of a workspace in ERROR, keeping starts out while its leftovers are removed. */
    public boolean beginErrorCleanup(WorkspaceId id) {
        return swap(id, Set.of(WorkspaceStatus.ERROR), WorkspaceStatus.STOPPING).isPresent();
    }

    /**
     * Records a sign of use, unless a newer one is stored already (events may arrive out of order, from several
     * instances). A newer sign also lifts an idle warning: the workspace is in use again.
     */
    public boolean recordActivity(WorkspaceId id, ActivitySignal signal, Instant at) {
        long millis = at.toEpochMilli();
        boolean newer = StoreUnavailable.guard(() -> collection().updateOne(
                Filters.and(Filters.eq(ID, id.value()),
                        Filters.or(Filters.eq(LAST_ACTIVITY_MILLIS, null), Filters.lt(LAST_ACTIVITY_MILLIS, millis))),
                Updates.combine(Updates.set(LAST_ACTIVITY_AT, at.toString()), Updates.set(LAST_ACTIVITY_MILLIS, millis),
                        Updates.set(LAST_SIGNAL, signal.name()))).getModifiedCount() > 0);
        if (newer) {
            StoreUnavailable.guard(() -> collection().updateOne(
                    Filters.and(Filters.eq(ID, id.value()), Filters.eq(WARNING_KIND, ReaperWarningKind.IDLE.name())),
                    Updates.combine(Updates.set(WARNING, null), Updates.set(WARNING_KIND, null), Updates.set(WARNED_AT, null))));
        }
        return newer;
    }

    /**
     * Stores a warning of the reaper while the workspace is still {@code expected} and, for an idle warning,
     * still without activity newer than {@code seenActivityMillis}; false when the workspace moved on.
     */
    public boolean warn(WorkspaceId id, WorkspaceStatus expected, ReaperWarningKind kind, String text,
                        long seenActivityMillis) {
        Bson filter = Filters.and(Filters.eq(ID, id.value()), Filters.eq(STATUS, expected.name()));
        if (kind == ReaperWarningKind.IDLE) {
            filter = Filters.and(filter, Filters.or(Filters.eq(LAST_ACTIVITY_MILLIS, null),
                    Filters.lte(LAST_ACTIVITY_MILLIS, seenActivityMillis)));
        }
        Bson matching = filter;
        return StoreUnavailable.guard(() -> collection().updateOne(matching, Updates.combine(Updates.set(WARNING, text),
                Updates.set(WARNING_KIND, kind.name()), Updates.set(WARNED_AT, clock.instant().toString())))
                .getModifiedCount() > 0);
    }

    /** Restarts the retention period of a STOPPED workspace and lifts its deletion warning: its owner wants it. */
    public boolean keepStopped(WorkspaceId id) {
        return StoreUnavailable.guard(() -> collection().updateOne(
                Filters.and(Filters.eq(ID, id.value()), Filters.eq(STATUS, WorkspaceStatus.STOPPED.name())),
                Updates.combine(Updates.set(STOPPED_AT, clock.instant().toString()), Updates.set(WARNING, null),
                        Updates.set(WARNING_KIND, null), Updates.set(WARNED_AT, null))).getMatchedCount() > 0);
    }

    /** Moves a STOPPED workspace to another image; false when it is not stopped (or gone). */
    public boolean moveStoppedToImage(WorkspaceId id, ImageName image) {
        return StoreUnavailable.guard(() -> collection().updateOne(
                Filters.and(Filters.eq(ID, id.value()), Filters.eq(STATUS, WorkspaceStatus.STOPPED.name())),
                Updates.combine(Updates.set("image", image.value()), Updates.set(UPDATED_AT,
                        clock.instant().toString()))).getMatchedCount() > 0);
    }

    /** Claims a stop; the status it stopped from tells a stop that overtook a start from an ordinary one. */
    public Optional<WorkspaceStatus> beginStop(WorkspaceId id) {
        return swap(id, Set.of(WorkspaceStatus.RUNNING, WorkspaceStatus.STARTING, WorkspaceStatus.ERROR),
                WorkspaceStatus.STOPPING, Updates.set(STATUS_REASON, null));
    }

    /** Claims a delete: STOPPING keeps starts out while the container and volume are being removed. */
    public Optional<WorkspaceStatus> beginDelete(WorkspaceId id) {
        return swap(id, Set.of(WorkspaceStatus.STOPPED, WorkspaceStatus.ERROR), WorkspaceStatus.STOPPING,
                Updates.set(STATUS_REASON, "being deleted"), Updates.set(DELETE_REQUESTED_AT, clock.instant().toString()));
    }

    /** Ids of the workspaces whose delete was claimed and is not finished: STOPPING, with the delete's mark. */
    public Set<WorkspaceId> unfinishedDeletes() {
        return StoreUnavailable.guard(() -> {
            Set<WorkspaceId> ids = new HashSet<>();
            collection().find(Filters.and(Filters.eq(STATUS, WorkspaceStatus.STOPPING.name()),
                            Filters.exists(DELETE_REQUESTED_AT)))
                    .projection(Projections.include(ID))
                    .forEach(document -> ids.add(new WorkspaceId(document.getString(ID))));
            return ids;
        });
    }

    public boolean markStopped(WorkspaceId id, Set<WorkspaceStatus> expected, String reason) {
        List<Bson> changes = new ArrayList<>(Arrays.asList(withoutContainer(reason)));
        changes.add(Updates.set(STOPPED_AT, clock.instant().toString()));
        return swap(id, expected, WorkspaceStatus.STOPPED, changes.toArray(Bson[]::new)).isPresent();
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
        return StoreUnavailable.guard(() -> {
            Set<WorkspaceId> ids = new HashSet<>();
            collection().find(Filters.in(STATUS, names(statuses)))
                    .projection(Projections.include(ID))
                    .forEach(document -> ids.add(new WorkspaceId(document.getString(ID))));
            return ids;
        });
    }

    private Bson[] withoutContainer(String reason) {
        return new Bson[]{Updates.set(CONTAINER_ID, null), Updates.set(IDE_PORT, null),
                Updates.set(BRIDGE_PORT, null), Updates.set(STATUS_REASON, reason),
                Updates.set(WARNING, null), Updates.set(WARNING_KIND, null), Updates.set(WARNED_AT, null),
                Updates.unset(DELETE_REQUESTED_AT)};
    }

    /** The status before the swap when this call won it; empty when the workspace was not in {@code expected}. */
    private Optional<WorkspaceStatus> swap(WorkspaceId id, Set<WorkspaceStatus> expected, WorkspaceStatus next,
                                           Bson... changes) {
        return swapIf(id, null, expected, next, changes);
    }

    /** A swap that also requires {@code condition} (when not null) of the document. */
    private Optional<WorkspaceStatus> swapIf(WorkspaceId id, Bson condition, Set<WorkspaceStatus> expected,
                                             WorkspaceStatus next, Bson... changes) {
        List<Bson> updates = new ArrayList<>(Arrays.asList(changes));
        updates.add(Updates.set(STATUS, next.name()));
        updates.add(Updates.set(UPDATED_AT, clock.instant().toString()));
        return StoreUnavailable.guard(() -> Optional.ofNullable(collection().findOneAndUpdate(
                        condition == null
                                ? Filters.and(Filters.eq(ID, id.value()), Filters.in(STATUS, names(expected)))
                                : Filters.and(Filters.eq(ID, id.value()), Filters.in(STATUS, names(expected)), condition),
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

}
