package io.kalpana.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.kalpana.problem.KalpanaException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditEventsTest {

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private MongoClient client;
    private AuditEvents events;
    private final Instant base = Instant.parse("2026-11-26T08:00:00Z");

    @BeforeEach
    void fortyEventsOfFourPeopleAMinuteApart() {
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort() + "/?retryWrites=false");
        events = new AuditEvents(() -> client.getDatabase("kalpana"));
        for (int i = 0; i < 40; i++) {
            client.getDatabase("kalpana").getCollection(AuditEvents.COLLECTION).insertOne(new Document("_id", "e" + i)
                    .append("at", base.plusSeconds(60L * i).toString()).append("actor", List.of("admin", "alice", "bob", "system").get(i % 4))
                    .append("action", "workspace.start").append("target", "workspace:x" + i).append("detail", "n=" + i));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void newestFirstPagedAndCounted() {
        AuditPage first = events.search(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), 0, 15));
        assertEquals(40, first.total());
        assertEquals("e39", first.events().get(0).id());
        assertEquals("e25", first.events().get(14).id());
        AuditPage last = events.search(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), 30, 15));
        assertEquals(List.of("e9", "e8", "e7", "e6", "e5", "e4", "e3", "e2", "e1", "e0"),
                last.events().stream().map(AuditEvent::id).toList());
    }

    @Test
    void actorAndTimeRangeFilterTogether() {
        AuditPage alice = events.search(new AuditQuery(Optional.of("ALI"), Optional.of(base.plusSeconds(600)),
                Optional.of(base.plusSeconds(1200)), 0, 50));
        // alice acts at i = 1, 5, 9, 13, 17, ...; the range is minutes 10 (inclusive) to 20 (exclusive).
        assertEquals(List.of("e17", "e13"), alice.events().stream().map(AuditEvent::id).toList());
        assertEquals(2, alice.total());
        assertEquals(base.plusSeconds(60L * 17), alice.events().get(0).at());
        assertEquals(0, events.search(new AuditQuery(Optional.of(".*"), Optional.empty(), Optional.empty(), 0, 5)).total(),
                "the actor is matched as text");
    }

    @Test
    void badRangesAndTimesAreClearProblems() {
        assertEquals("invalid_time_range", assertThrows(KalpanaException.class, () -> new AuditQuery(Optional.empty(),
                Optional.of(base), Optional.of(base), 0, 5)).code());
        assertEquals("invalid_time", assertThrows(KalpanaException.class,
                () -> AuditQuery.parseInstant("from", "yesterday")).code());
        assertEquals(Optional.empty(), AuditQuery.parseInstant("from", " "));
        assertEquals("invalid_limit", assertThrows(KalpanaException.class, () -> new AuditQuery(Optional.empty(),
                Optional.empty(), Optional.empty(), 0, 1000)).code());
        assertEquals("filter_too_long", assertThrows(KalpanaException.class, () -> new AuditQuery(Optional.of("a".repeat(101)),
                Optional.empty(), Optional.empty(), 0, 5)).code());
        assertEquals("invalid_filter", assertThrows(KalpanaException.class, () -> new AuditQuery(Optional.of("admin\u0000"),
                Optional.empty(), Optional.empty(), 0, 5)).code());
    }
}
