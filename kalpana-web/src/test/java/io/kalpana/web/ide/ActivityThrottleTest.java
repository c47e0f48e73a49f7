package io.kalpana.web.ide;

import io.kalpana.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityThrottleTest {

    private Instant now = Instant.parse("2026-11-26T12:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void onePerWorkspacePerInterval() {
        ActivityThrottle throttle = new ActivityThrottle(Duration.ofSeconds(10), clock);
        WorkspaceId a = new WorkspaceId("aaaaaaaaaaaa");
        WorkspaceId b = new WorkspaceId("bbbbbbbbbbbb");
        assertTrue(throttle.due(a));
        assertFalse(throttle.due(a));
        assertTrue(throttle.due(b), "another workspace has its own interval");
        now = now.plusSeconds(9);
        assertFalse(throttle.due(a));
        now = now.plusSeconds(1);
        assertTrue(throttle.due(a), "due again once the interval has passed");
        assertFalse(throttle.due(a));
    }
}
