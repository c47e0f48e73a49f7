package io.kalpana.workspace;

import io.kalpana.image.ImageCatalog;
import io.kalpana.image.ImageReference;
import io.kalpana.image.TemplateImages;
import io.kalpana.metrics.KalpanaMetrics;
import io.kalpana.runtime.DockerTestSupport;
import io.kalpana.runtime.KalpanaCallbackUrl;
import com.mongodb.client.MongoDatabase;
import io.kalpana.audit.AuditLog;
import io.kalpana.identity.Username;
import io.kalpana.port.PortAllocator;
import io.kalpana.port.PortPair;
import io.kalpana.quota.QuotaService;
import io.kalpana.runtime.WorkspaceRuntime;
import org.bson.Document;

import java.util.Optional;
import java.util.Set;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/** Builds a lifecycle and workspace documents for reaper tests outside this package, without a container. */
public final class ReaperTestWiring {

    private ReaperTestWiring() {
    }

    public static WorkspaceLifecycle lifecycle(Supplier<MongoDatabase> database, WorkspaceRuntime runtime,
                                               PortAllocator ports, AuditLog audit, QuotaService quotas) {
        WorkspaceLifecycle wired = new WorkspaceLifecycle();
        wired.states = new WorkspaceStates(database, Clock.systemUTC());
        wired.secretStore = new WorkspaceSecretStore(database);
        wired.callbackUrl = new KalpanaCallbackUrl(Optional.empty());
        wired.ports = ports;
        wired.runtime = runtime;
        wired.audit = audit;
        wired.quotas = quotas;
        wired.startSlots = new StartSlots(2);
        wired.noteWriters = Runnable::run;
        wired.images = images(database, DockerTestSupport.settings().image());
        wired.metrics = new KalpanaMetrics();
        return wired;
    }

    /** The catalog of a Kalpana whose kalpana.workspace.image is {@code blank}; nobody is in a group. */
    public static ImageCatalog images(Supplier<MongoDatabase> database, String blank) {
        return new ImageCatalog(database, new TemplateImages(new ImageReference(blank)), user -> Set.of(),
                new AuditLog() {
                    @Override
                    public void record(Username actor, String action, String target, String detail) {
                        // not under test
                    }
                }, Clock.systemUTC());
    }

    public static PortAllocator portAllocator() {
        return new InMemoryPortAllocator();
    }

    /** A RUNNING workspace document as a start leaves it, last used at {@code lastActivity}, with leased ports. */
    public static WorkspaceId insertRunning(MongoDatabase database, String name, Username owner, Instant lastActivity,
                                            PortPair ports) {
        return insertRunning(database, WorkspaceId.generate(), name, owner, lastActivity, ports);
    }

    public static WorkspaceId insertRunning(MongoDatabase database, WorkspaceId id, String name, Username owner,
                                            Instant lastActivity, PortPair ports) {
        database.getCollection(Workspace.COLLECTION).insertOne(new Document("_id", id.value())
                .append("name", name).append("nameKey", name).append("owner", owner.value())
                .append("status", WorkspaceStatus.RUNNING.name()).append("statusReason", null)
                .append("template", WorkspaceTemplate.BLANK.id())
                .append("containerId", "c-" + id.value()).append("idePort", ports.ide().number())
                .append("bridgePort", ports.bridge().number())
                .append("createdAt", lastActivity.toString()).append("updatedAt", lastActivity.toString())
                .append("startedAt", lastActivity.toString())
                .append("lastActivityAt", lastActivity.toString()).append("lastActivityMillis", lastActivity.toEpochMilli())
                .append("lastSignal", ActivitySignal.STARTED.name()));
        return id;
    }
}
