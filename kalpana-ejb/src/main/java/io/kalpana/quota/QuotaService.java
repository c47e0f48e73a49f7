package io.kalpana.quota;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import io.kalpana.audit.AuditLog;
import io.kalpana.identity.Caller;
import io.kalpana.identity.UserService;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.settings.SettingsService;
import io.kalpana.store.DocumentLease;
import io.kalpana.store.MongoConnection;
import io.kalpana.store.StoreUnavailable;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Quotas per person and their enforcement. A check and the change it admits (the insert of a new workspace,
 * the status swap that claims a start) run under a per-person lease in the database, so two racing requests,
 * even on two Kalpana instances, cannot both see "2 of 3 running" and end at 4.
 */
@ApplicationScoped
public class QuotaService {

    private static final Logger LOG = Logger.getLogger(QuotaService.class.getName());

    public static final String COLLECTION = "quotas";

    /** Longer than any check plus claim takes, short enough that a crashed holder blocks a person only briefly. */
    private static final Duration LOCK_TTL = Duration.ofSeconds(15);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private static final long LOCK_RETRY_MILLIS = 20;

    private static final List<String> ACTIVE = List.of(WorkspaceStatus.STARTING.name(), WorkspaceStatus.RUNNING.name());

    private Supplier<MongoDatabase> database;
    private SettingsService settings;
    private Predicate<Username> userExists;
    private AuditLog audit;
    private DocumentLease locks;
    private Clock clock;

    /** For the CDI proxy only. */
    protected QuotaService() {
    }

    @Inject
    public QuotaService(MongoConnection connection, SettingsService settings, UserService users, AuditLog audit) {
        this(connection::database, settings, users::exists, audit, Clock.systemUTC());
    }

    public QuotaService(Supplier<MongoDatabase> database, SettingsService settings, Predicate<Username> userExists,
                        AuditLog audit, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.userExists = userExists;
        this.audit = audit;
        this.clock = clock;
        this.locks = new DocumentLease(database, clock);
    }

    /** The person's own quota when an admin set one, else the defaults of the live settings. */
    public Quota effectiveFor(Username user) {
        return override(user).orElseGet(() -> Quota.defaultsOf(settings.current()));
    }

    /** The quota an admin set for the person, if any. */
    public Optional<Quota> override(Username user) {
        Document stored = StoreUnavailable.guard(() -> quotas().find(Filters.eq("_id", user.value())).first());
        return Optional.ofNullable(stored)
                .map(document -> new Quota(document.getInteger("maxRunning"), document.getInteger("maxTotal")));
    }

    /** Sets the person's own quota, or with an empty one lets them fall back to the defaults. */
    public void override(Caller admin, Username user, Optional<Quota> quota) {
        if (admin == null || !admin.isAdmin()) {
            throw KalpanaException.forbidden("admin_only", "Only administrators may change quotas");
        }
        if (!userExists.test(user)) {
            throw KalpanaException.notFound("user_not_found", "There is no user '" + user + "'");
        }
        if (quota.isPresent()) {
            Quota set = quota.get();
            StoreUnavailable.guard(() -> quotas().replaceOne(Filters.eq("_id", user.value()),
                    new Document("_id", user.value()).append("maxRunning", set.maxRunning())
                            .append("maxTotal", set.maxTotal()).append("setBy", admin.username().value())
                            .append("setAt", clock.instant().toString()),
                    new ReplaceOptions().upsert(true)));
            audit.record(admin.username(), "quota.set", "user:" + user,
                    "maxRunning=" + set.maxRunning() + " maxTotal=" + set.maxTotal());
        } else {
            StoreUnavailable.guard(() -> quotas().deleteOne(Filters.eq("_id", user.value())));
            audit.record(admin.username(), "quota.reset", "user:" + user, "back to the defaults");
        }
        LOG.info(() -> "workspace=* quota of " + user + " " + quota.map(q -> "set to " + q).orElse("reset to the defaults")
                + " by " + admin.username());
    }

    /** Runs {@code insert} (which creates one workspace of {@code owner}) only while the owner is below their total. */
    public void admitCreate(Username owner, Runnable insert) {
        underLock(owner, () -> {
            int limit = effectiveFor(owner).maxTotal();
            int total = (int) (long) StoreUnavailable.guard(() -> workspaces().countDocuments(Filters.eq("owner", owner.value())));
            if (total >= limit) {
                LOG.info(() -> "workspace=* create refused for " + owner + ": " + total + " of " + limit + " workspaces");
                throw QuotaExceeded.total(total, limit);
            }
            insert.run();
            return true;
        });
    }

    /**
     * Runs {@code claim} (the status swap that starts workspace {@code id}) only while the owner runs fewer
     * workspaces than allowed; its answer is returned. A workspace that already runs is not held against itself,
     * so starting it again stays the harmless no-op it is.
     */
    public boolean admitStart(Username owner, WorkspaceId id, BooleanSupplier claim) {
        return underLock(owner, () -> {
            Set<String> active = activeOf(owner);
            if (!active.contains(id.value())) {
                int limit = effectiveFor(owner).maxRunning();
                if (active.size() >= limit) {
                    LOG.info(() -> "workspace=" + id + " start refused for " + owner + ": " + active.size() + " of "
                            + limit + " running");
                    throw QuotaExceeded.running(active.size(), limit);
                }
            }
            return claim.getAsBoolean();
        });
    }

    private Set<String> activeOf(Username owner) {
        return StoreUnavailable.guard(() -> {
            Set<String> ids = new HashSet<>();
            workspaces().find(Filters.and(Filters.eq("owner", owner.value()), Filters.in("status", ACTIVE)))
                    .projection(Projections.include("_id"))
                    .forEach(document -> ids.add(document.getString("_id")));
            return ids;
        });
    }

    private boolean underLock(Username owner, BooleanSupplier action) {
        String name = "quota:" + owner.value();
        String holder = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (!StoreUnavailable.guard(() -> locks.tryAcquire(name, holder, LOCK_TTL))) {
            if (System.nanoTime() > deadline) {
                throw KalpanaException.unavailable("quota_busy", "Another request of yours is creating or starting a"
                        + " workspace right now; try again in a moment", null);
            }
            try {
                Thread.sleep(LOCK_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw KalpanaException.unavailable("quota_interrupted", "The request was interrupted; try again", e);
            }
        }
        try {
            return action.getAsBoolean();
        } finally {
            StoreUnavailable.guard(() -> {
                locks.release(name, holder);
                return null;
            });
        }
    }

    private MongoCollection<Document> quotas() {
        return database.get().getCollection(COLLECTION);
    }

    private MongoCollection<Document> workspaces() {
        return database.get().getCollection(Workspace.COLLECTION);
    }

}
