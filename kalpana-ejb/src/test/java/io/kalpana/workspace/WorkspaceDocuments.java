package io.kalpana.workspace;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.kalpana.audit.AuditLog;
import io.kalpana.credentials.GitCredentialLookup;
import io.kalpana.identity.Username;
import io.kalpana.port.PortAllocator;
import io.kalpana.quota.QuotaService;
import io.kalpana.runtime.DockerWorkspaceRuntime;
import io.kalpana.runtime.WorkspaceProvisioner;
import io.kalpana.settings.LiveSettings;
import io.kalpana.settings.SettingsService;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process MongoDB holding workspace documents shaped exactly as JNoSQL writes them (checked against a
 * running Kalpana: status as the enum name, instants as ISO-8601 strings, absent values as explicit nulls).
 * Also plays {@link WorkspaceService#get} and {@link WorkspaceService#create} (for "tester") for the lifecycle.
 */
final class WorkspaceDocuments implements AutoCloseable {

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final MongoClient client;
    private final Map<WorkspaceId, Workspace> created = new ConcurrentHashMap<>();

    WorkspaceDocuments() {
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?retryWrites=false");
    }

    MongoDatabase database() {
        return client.getDatabase("kalpana");
    }

    MongoCollection<Document> collection() {
        return database().getCollection(Workspace.COLLECTION);
    }

    Workspace insert(String name, WorkspaceTemplate template, RepoUrl repo, NixConfig nix, WorkspaceStatus status) {
        Instant now = Instant.now();
        Workspace workspace = new Workspace(WorkspaceId.generate(), new WorkspaceName(name), new Username("tester"),
                template, repo, nix, new io.kalpana.image.ImageName(template.id()), now);
        Document document = new Document("_id", workspace.id().value())
                .append("name", workspace.name().value())
                .append("nameKey", workspace.name().key())
                .append("owner", workspace.owner().value())
                .append("status", status.name())
                .append("statusReason", null)
                .append("template", template.id())
                .append("repoUrl", repo == null ? null : repo.value())
                .append("nixConfig", nix == null ? null : nix.text())
                .append("image", template.id())
                .append("containerId", null)
                .append("idePort", null)
                .append("bridgePort", null)
                .append("createdAt", now.toString())
                .append("updatedAt", now.toString())
                .append("lastActivityAt", now.toString());
        collection().insertOne(document);
        created.put(workspace.id(), workspace);
        return workspace;
    }

    Workspace insert(String name, WorkspaceStatus status) {
        return insert(name, WorkspaceTemplate.BLANK, null, null, status);
    }

    Document document(WorkspaceId id) {
        return collection().find(new Document("_id", id.value())).first();
    }

    WorkspaceService service() {
        return new WorkspaceService() {
            @Override
            public Workspace create(io.kalpana.identity.Caller caller, NewWorkspace request) {
                return insert(request.name().value(), request.template(), request.repoUrl(), request.nixConfig(),
                        WorkspaceStatus.STOPPED);
            }

            @Override
            public Workspace get(io.kalpana.identity.Caller caller, WorkspaceId id) {
                Workspace workspace = created.get(id);
                if (workspace == null || document(id) == null || !caller.mayAccess(workspace.owner())) {
                    throw io.kalpana.problem.KalpanaException.notFound("workspace_not_found", "There is no workspace '" + id + "'");
                }
                return workspace;
            }
        };
    }

    /**
     * A lifecycle over these documents wired as the container wires it, with {@code runtime} for the containers;
     * the audit trail is JNoSQL's business and not under test here.
     */
    WorkspaceLifecycle lifecycle(WorkspaceStates states, PortAllocator ports, DockerWorkspaceRuntime runtime) {
        AuditLog audit = new AuditLog() {
            @Override
            public void record(Username actor, String action, String target, String detail) {
                // not under test
            }
        };
        QuotaService quotas = new QuotaService(this::database, new SettingsService(this::database,
                () -> new LiveSettings(Duration.ofMinutes(30), Duration.ofMinutes(5), Optional.empty(), Optional.empty(),
                        100, 100), audit, Clock.systemUTC()), user -> true, audit, Clock.systemUTC());
        WorkspaceLifecycle wired = ReaperTestWiring.lifecycle(this::database, runtime, ports, audit, quotas);
        wired.states = states;
        wired.workspaces = service();
        wired.provisioner = new WorkspaceProvisioner(runtime, Duration.ofSeconds(60), GitCredentialLookup.NONE);
        return wired;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
