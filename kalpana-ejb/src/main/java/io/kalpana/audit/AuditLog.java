package io.kalpana.audit;

import io.kalpana.identity.Username;
import io.kalpana.store.MongoConnection;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Appends audit events and reads the latest ones back for administrators. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @Inject
    DocumentTemplate template;

    @Inject
    MongoConnection connection;

    public void record(Username actor, String action, String target, String detail) {
        AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), Instant.now(Clock.systemUTC()),
                actor == null ? "system" : actor.value(), action, target, detail);
        try {
            template.insert(event);
        } catch (RuntimeException e) {
            // The action itself already happened; losing its audit line must not undo it, but must be seen.
            LOG.log(Level.SEVERE, "audit event not stored: " + action + " " + target + " by " + event.actor(), e);
        }
    }

    public List<AuditEvent> latest(int limit) {
        return template.select(AuditEvent.class).orderBy("at").desc().limit(limit).result();
    }

    /** A filtered page of the log, newest first, for the admin console and {@code GET /api/v1/admin/audit}. */
    public AuditPage search(AuditQuery query) {
        return new AuditEvents(connection::database).search(query);
    }
}
