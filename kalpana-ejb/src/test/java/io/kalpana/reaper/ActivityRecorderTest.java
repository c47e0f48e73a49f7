package io.kalpana.reaper;

import io.kalpana.identity.Username;
import io.kalpana.port.HostPort;
import io.kalpana.port.PortPair;
import io.kalpana.store.InMemoryMongo;
import io.kalpana.workspace.ActivitySignal;
import io.kalpana.workspace.ReaperTestWiring;
import io.kalpana.workspace.ReaperWarningKind;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceActivity;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceStates;
import io.kalpana.workspace.WorkspaceStatus;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityRecorderTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final WorkspaceStates states = new WorkspaceStates(mongo::database, Clock.systemUTC());
    private final ActivityRecorder recorder = new ActivityRecorder(states, Clock.systemUTC());
    private final WorkspaceId id = ReaperTestWiring.insertRunning(mongo.database(), "w", new Username("alice"), T0,
            new PortPair(new HostPort(45000), new HostPort(45001)));

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void signsWithinTheThrottleWindowAreHeldAndWrittenAtTheNextFlush() {
        recorder.record(new WorkspaceActivity(id, ActivitySignal.IDE_PROXY, T0.plusSeconds(60)));
        assertEquals(T0.plusSeconds(60).toEpochMilli(), stored().getLong("lastActivityMillis"));

        recorder.record(new WorkspaceActivity(id, ActivitySignal.AGENT_TURN, T0.plusSeconds(65)));
        recorder.record(new WorkspaceActivity(id, ActivitySignal.BRIDGE_COMMAND, T0.plusSeconds(70)));
        assertEquals(T0.plusSeconds(60).toEpochMilli(), stored().getLong("lastActivityMillis"), "throttled");

        recorder.flush();
        assertEquals(T0.plusSeconds(70).toEpochMilli(), stored().getLong("lastActivityMillis"), "the latest held sign");
        assertEquals("BRIDGE_COMMAND", stored().getString("lastSignal"));
        assertEquals(T0.plusSeconds(70).toString(), stored().getString("lastActivityAt"));

        recorder.record(new WorkspaceActivity(id, ActivitySignal.IDE_PROXY, T0.plusSeconds(90)));
        assertEquals(T0.plusSeconds(90).toEpochMilli(), stored().getLong("lastActivityMillis"), "window over: written");
    }

    @Test
    void anOlderSignNeverOverwritesANewerOne() {
        recorder.record(new WorkspaceActivity(id, ActivitySignal.AGENT_TURN, T0.plusSeconds(100)));
        // Another instance (own recorder, no throttle memory) reports something older, late.
        new ActivityRecorder(states, Clock.systemUTC()).record(new WorkspaceActivity(id, ActivitySignal.IDE_PROXY, T0.plusSeconds(50)));
        assertEquals(T0.plusSeconds(100).toEpochMilli(), stored().getLong("lastActivityMillis"));
        assertEquals("AGENT_TURN", stored().getString("lastSignal"));
    }

    @Test
    void keepRunningIsWrittenAtOnceAndLiftsAnIdleWarning() {
        recorder.record(new WorkspaceActivity(id, ActivitySignal.IDE_PROXY, T0.plusSeconds(10)));
        assertTrue(states.warn(id, WorkspaceStatus.RUNNING, ReaperWarningKind.IDLE, "going to stop", T0.plusSeconds(10).toEpochMilli()));
        assertEquals("IDLE", stored().getString("warningKind"));

        recorder.record(new WorkspaceActivity(id, ActivitySignal.KEEP_RUNNING, T0.plusSeconds(12)));
        assertEquals("KEEP_RUNNING", stored().getString("lastSignal"), "not throttled");
        assertNull(stored().getString("warning"));
        assertNull(stored().getString("warningKind"));
    }

    @Test
    void anIdleWarningIsNotStoredWhenActivityArrivedAfterTheReaperLooked() {
        long seen = T0.toEpochMilli();
        recorder.record(new WorkspaceActivity(id, ActivitySignal.AGENT_TURN, T0.plus(Duration.ofMinutes(1))));
        assertEquals(false, states.warn(id, WorkspaceStatus.RUNNING, ReaperWarningKind.IDLE, "stale", seen));
        assertNull(stored().getString("warning"));
    }

    private Document stored() {
        return mongo.database().getCollection(Workspace.COLLECTION).find(new Document("_id", id.value())).first();
    }
}
