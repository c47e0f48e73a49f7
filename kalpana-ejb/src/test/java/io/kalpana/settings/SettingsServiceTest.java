package io.kalpana.settings;

import io.kalpana.audit.RecordingAuditLog;
import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;
import io.kalpana.store.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsServiceTest {

    private static final Caller ADMIN = new Caller(new Username("root"), Set.of(Role.ADMIN, Role.USER));
    private static final Caller USER = new Caller(new Username("alice"), Set.of(Role.USER));

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final SettingsService service = service();

    private SettingsService service() {
        return new SettingsService(mongo::database, () -> LiveSettingsTest.SANE, audit, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void withNothingStoredTheConfiguredDefaultsApply() {
        assertEquals(LiveSettingsTest.SANE, service.current());
    }

    @Test
    void anUpdateAppliesAtOnceToEveryInstanceAndIsAudited() {
        LiveSettings changed = new LiveSettings(Duration.ofMinutes(1), Duration.ofSeconds(20),
                Optional.of(Duration.ofHours(4)), Optional.empty(), 1, 10);

        assertEquals(changed, service.update(ADMIN, changed));
        SettingsService otherInstance = service();
        assertEquals(changed, otherInstance.current(), "read from the database, not cached in the instance");
        assertEquals(1, audit.withAction("settings.update").size());
        assertEquals("root", audit.withAction("settings.update").get(0).actor());

        assertEquals(changed.withMaxLifetime(Optional.empty()),
                otherInstance.update(ADMIN, changed.withMaxLifetime(Optional.empty())), "a limit can be switched off again");
        assertEquals(Optional.empty(), service.current().maxLifetime());

        assertEquals(LiveSettingsTest.SANE, service.reset(ADMIN));
    }

    @Test
    void onlyAdministratorsChangeSettings() {
        KalpanaException problem = assertThrows(KalpanaException.class,
                () -> service.update(USER, LiveSettingsTest.SANE.withDefaultMaxRunning(50)));
        assertEquals(ProblemKind.FORBIDDEN, problem.kind());
        assertEquals(LiveSettingsTest.SANE, service.current());
        assertEquals(0, audit.entries().size());
    }

    @Test
    void storedValuesThatNoLongerFitTheConfigurationFallBackToIt() {
        // Only the warning stored, but it is longer than the configured idle timeout: the pair would be invalid.
        mongo.database().getCollection(SettingsService.COLLECTION)
                .insertOne(new Document("_id", SettingsService.DOCUMENT_ID).append("warnBefore", "PT2H"));
        assertEquals(LiveSettingsTest.SANE, service.current());
    }
}
