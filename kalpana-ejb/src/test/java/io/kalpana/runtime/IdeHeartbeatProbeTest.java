package io.kalpana.runtime;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Answers shaped as code-server 4's routes/health.js writes them. */
class IdeHeartbeatProbeTest {

    private static final String HEADERS = "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n";

    @Test
    void anAliveHeartMeansInUseNow() {
        IdeHeartbeat beat = IdeHeartbeatProbe.parse(HEADERS + "{\"status\":\"alive\",\"lastHeartbeat\":1795000000000}").orElseThrow();
        Instant now = Instant.ofEpochMilli(1795000030000L);
        assertEquals(Optional.of(now), beat.lastUse(now), "alive: used within code-server's one-minute heartbeat interval");
    }

    @Test
    void anExpiredHeartDatesTheLastUse() {
        IdeHeartbeat beat = IdeHeartbeatProbe.parse(HEADERS + "{\"status\":\"expired\",\"lastHeartbeat\":1795000000000}").orElseThrow();
        assertEquals(Optional.of(Instant.ofEpochMilli(1795000000000L)), beat.lastUse(Instant.ofEpochMilli(1795000900000L)));
    }

    @Test
    void anIdeNeverUsedHasNoLastUse() {
        IdeHeartbeat beat = IdeHeartbeatProbe.parse(HEADERS + "{\"status\":\"expired\",\"lastHeartbeat\":0}").orElseThrow();
        assertEquals(Optional.empty(), beat.lastUse(Instant.now()));
    }

    @Test
    void anythingElseIsNoAnswer() {
        assertEquals(Optional.empty(), IdeHeartbeatProbe.parse("HTTP/1.1 502 Bad Gateway\r\n\r\n{}"));
        assertEquals(Optional.empty(), IdeHeartbeatProbe.parse(HEADERS + "<html>login</html>"));
        assertEquals(Optional.empty(), IdeHeartbeatProbe.parse(""));
    }
}
