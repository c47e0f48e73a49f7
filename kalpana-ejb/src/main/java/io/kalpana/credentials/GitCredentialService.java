package io.kalpana.credentials;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.result.UpdateResult;
import io.kalpana.audit.AuditLog;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.identity.Caller;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.store.MongoConnection;
import io.kalpana.store.StoreUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Each person's Git credentials, one document per (owner, host) in {@code git_credentials}, the token sealed by
 * {@link CredentialCipher}. People see their own only, masked; {@link #lookup} is for Kalpana's own use (the clone at
 * a workspace's first start, the workspace's credential helper). Tokens never reach a log line or the audit log.
 */
@ApplicationScoped
public class GitCredentialService {

    private static final Logger LOG = Logger.getLogger(GitCredentialService.class.getName());

    public static final String COLLECTION = "git_credentials";

    private Supplier<MongoDatabase> database;
    private CredentialCipher cipher;
    private AuditLog audit;
    private Clock clock;

    /** For the CDI proxy only. */
    protected GitCredentialService() {
    }

    @Inject
    public GitCredentialService(MongoConnection connection, KalpanaConfig config, AuditLog audit) {
        this(connection::database, CredentialCipher.fromConfig(config.credentialsKey(), config.dataDir()), audit,
                Clock.systemUTC());
    }

    public GitCredentialService(Supplier<MongoDatabase> database, CredentialCipher cipher, AuditLog audit, Clock clock) {
        this.database = database;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the bean at deployment, so a malformed {@code kalpana.credentials.key} stops Kalpana at once. */
    void checkKeyAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "workspace=* Git credential key ready");
    }

    /** Stores the caller's credential for its host, replacing the one there was. */
    public MaskedGitCredential put(Caller caller, GitCredential credential) {
        Username owner = caller.username();
        Instant now = clock.instant();
        Document document = new Document("_id", id(owner, credential.host()))
                .append("owner", owner.value())
                .append("host", credential.host().value())
                .append("username", credential.username())
                .append("token", cipher.seal(owner, credential.host(), credential.token()))
                .append("hint", credential.token().masked())
                .append("updatedAt", now.toString());
        UpdateResult result = StoreUnavailable.guard(() -> collection().replaceOne(
                Filters.eq("_id", id(owner, credential.host())), document, new ReplaceOptions().upsert(true)));
        boolean replaced = result.getMatchedCount() > 0;
        audit.record(owner, "git-credential.set", "git-credential:" + credential.host(),
                (replaced ? "replaced" : "created") + " username=" + credential.username());
        LOG.info(() -> "workspace=* user=" + owner + " " + (replaced ? "replaced" : "stored") + " a Git credential for "
                + credential.host());
        return credential.masked(now);
    }

    /** The caller's credentials, hosts in order, tokens masked. */
    public List<MaskedGitCredential> list(Caller caller) {
        List<MaskedGitCredential> found = new ArrayList<>();
        StoreUnavailable.guard(() -> collection().find(Filters.eq("owner", caller.username().value()))
                .sort(Sorts.ascending("host")).into(new ArrayList<>()))
                .forEach(document -> found.add(new MaskedGitCredential(new GitHost(document.getString("host")),
                        document.getString("username"), document.getString("hint"), updatedAt(document))));
        return found;
    }

    /** Forgets the caller's credential for {@code host}; 404 when there is none. */
    public void delete(Caller caller, GitHost host) {
        Username owner = caller.username();
        long deleted = StoreUnavailable.guard(() -> collection().deleteOne(Filters.eq("_id", id(owner, host))))
                .getDeletedCount();
        if (deleted == 0) {
            throw KalpanaException.notFound("git_credential_not_found", "You have no Git credential for " + host);
        }
        audit.record(owner, "git-credential.delete", "git-credential:" + host, "deleted");
        LOG.info(() -> "workspace=* user=" + owner + " deleted the Git credential for " + host);
    }

    /** {@code owner}'s credential for {@code host}, decrypted, for Kalpana's own use only. */
    public Optional<GitCredential> lookup(Username owner, GitHost host) {
        Document document = StoreUnavailable.guard(() -> collection().find(Filters.eq("_id", id(owner, host))).first());
        if (document == null) {
            return Optional.empty();
        }
        return Optional.of(new GitCredential(host, document.getString("username"),
                cipher.open(owner, host, document.getString("token"))));
    }

    /** Usernames cannot hold '/', hosts neither: the pair makes an unambiguous id. */
    private static String id(Username owner, GitHost host) {
        return owner.value() + "/" + host.value();
    }

    private static Instant updatedAt(Document document) {
        String at = document.getString("updatedAt");
        return at == null ? Instant.EPOCH : Instant.parse(at);
    }

    private MongoCollection<Document> collection() {
        return database.get().getCollection(COLLECTION);
    }
}
