package io.kalpana.settings;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.kalpana.audit.AuditLog;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.store.MongoConnection;
import io.kalpana.store.StoreUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live settings: configured defaults, overlaid by what an administrator stored in the {@code settings}
 * collection. Read from the database at each call (one small document by id), so a change made through any
 * Kalpana instance applies to all of them at the next sweep or request, without a restart.
 */
@ApplicationScoped
public class SettingsService {

    private static final Logger LOG = Logger.getLogger(SettingsService.class.getName());

    public static final String COLLECTION = "settings";
    static final String DOCUMENT_ID = "live";

    private Supplier<MongoDatabase> database;
    private Supplier<LiveSettings> defaults;
    private AuditLog audit;
    private Clock clock;

    /** For the CDI proxy only. */
    protected SettingsService() {
    }

    @Inject
    public SettingsService(MongoConnection connection, KalpanaConfig config, AuditLog audit) {
        this(connection::database, () -> fromConfig(config), audit, Clock.systemUTC());
    }

    public SettingsService(Supplier<MongoDatabase> database, Supplier<LiveSettings> defaults, AuditLog audit, Clock clock) {
        this.database = database;
        this.defaults = defaults;
        this.audit = audit;
        this.clock = clock;
    }

    /** The configured values, before any administrator changed them. */
    public LiveSettings defaults() {
        return defaults.get();
    }

    public LiveSettings current() {
        LiveSettings configured = defaults.get();
        Document stored = StoreUnavailable.guard(() -> collection().find(Filters.eq("_id", DOCUMENT_ID)).first());
        if (stored == null) {
            return configured;
        }
        try {
            return overlay(configured, stored);
        } catch (RuntimeException e) {
            // Only possible when the configured defaults changed under stored values; the defaults are sane.
            LOG.log(Level.SEVERE, "workspace=* stored settings are inconsistent with the configuration, using the"
                    + " configured values until an administrator saves the settings again: " + e.getMessage());
            return configured;
        }
    }

    /** Stores all of {@code changed} as the settings every instance uses from now on. */
    public LiveSettings update(Caller admin, LiveSettings changed) {
        requireAdmin(admin);
        LiveSettings before = current();
        Document document = new Document("_id", DOCUMENT_ID)
                .append("idleTimeout", changed.idleTimeout().toString())
                .append("warnBefore", changed.warnBefore().toString())
                .append("maxLifetime", changed.maxLifetime().map(Duration::toString).orElse(OFF))
                .append("stoppedRetention", changed.stoppedRetention().map(Duration::toString).orElse(OFF))
                .append("defaultMaxRunning", changed.defaultMaxRunning())
                .append("defaultMaxTotal", changed.defaultMaxTotal())
                .append("updatedBy", admin.username().value())
                .append("updatedAt", clock.instant().toString());
        StoreUnavailable.guard(() -> collection().replaceOne(Filters.eq("_id", DOCUMENT_ID), document, new ReplaceOptions().upsert(true)));
        audit.record(admin.username(), "settings.update", "settings", "from " + before + " to " + changed);
        LOG.info(() -> "workspace=* settings changed by " + admin.username() + ": " + changed);
        return current();
    }

    /** Forgets the stored values: the configured defaults apply again. */
    public LiveSettings reset(Caller admin) {
        requireAdmin(admin);
        StoreUnavailable.guard(() -> collection().deleteOne(Filters.eq("_id", DOCUMENT_ID)));
        audit.record(admin.username(), "settings.reset", "settings", "back to the configured defaults");
        LOG.info(() -> "workspace=* settings reset to the configured defaults by " + admin.username());
        return current();
    }

    private static final String OFF = "off";

    static LiveSettings overlay(LiveSettings configured, Document stored) {
        LiveSettings result = configured;
        if (stored.getString("idleTimeout") != null || stored.getString("warnBefore") != null) {
            // Both at once: applying one after the other could pass through an invalid pair.
            result = new LiveSettings(
                    stored.getString("idleTimeout") == null ? result.idleTimeout()
                            : LiveSettings.parse("idleTimeout", stored.getString("idleTimeout")),
                    stored.getString("warnBefore") == null ? result.warnBefore()
                            : LiveSettings.parse("warnBefore", stored.getString("warnBefore")),
                    result.maxLifetime(), result.stoppedRetention(), result.defaultMaxRunning(), result.defaultMaxTotal());
        }
        if (stored.containsKey("maxLifetime")) {
            result = result.withMaxLifetime(LiveSettings.parseOptional("maxLifetime", stored.getString("maxLifetime")));
        }
        if (stored.containsKey("stoppedRetention")) {
            result = result.withStoppedRetention(
                    LiveSettings.parseOptional("stoppedRetention", stored.getString("stoppedRetention")));
        }
        if (stored.getInteger("defaultMaxRunning") != null) {
            result = result.withDefaultMaxRunning(stored.getInteger("defaultMaxRunning"));
        }
        if (stored.getInteger("defaultMaxTotal") != null) {
            result = result.withDefaultMaxTotal(stored.getInteger("defaultMaxTotal"));
        }
        return result;
    }

    static LiveSettings fromConfig(KalpanaConfig config) {
        try {
            return new LiveSettings(
                    LiveSettings.parse("kalpana.reaper.idle-timeout", config.reaperIdleTimeout()),
                    LiveSettings.parse("kalpana.reaper.warn-before", config.reaperWarnBefore()),
                    LiveSettings.parseOptional("kalpana.reaper.max-lifetime", config.reaperMaxLifetime().orElse(null)),
                    LiveSettings.parseOptional("kalpana.reaper.stopped-retention", config.reaperStoppedRetention().orElse(null)),
                    config.quotaMaxRunning(), config.quotaMaxTotal());
        } catch (KalpanaException e) {
            throw new IllegalStateException("Kalpana's configuration (kalpana.reaper.*, kalpana.quota.*) is invalid: "
                    + e.getMessage(), e);
        }
    }

    private static void requireAdmin(Caller caller) {
        if (caller == null || !caller.isAdmin()) {
            throw KalpanaException.forbidden("admin_only", "Only administrators may change Kalpana's settings");
        }
    }

    private MongoCollection<Document> collection() {
        return database.get().getCollection(COLLECTION);
    }

}
