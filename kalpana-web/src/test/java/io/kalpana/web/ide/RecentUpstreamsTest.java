package io.kalpana.web.ide;

import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentUpstreamsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RecentUpstreams recent = new RecentUpstreams(now::get);
    private final Caller alice = new Caller(new Username("alice"), Set.of(Role.USER));
    private final WorkspaceId workspace = new WorkspaceId("aaaaaaaaaaaa");
    private final IdeUpstream upstream = new IdeUpstream(workspace, "demo", "127.0.0.1", 40000, null);

    @Test
    void anUpstreamIsReusedOnlyUntilItExpires() {
        recent.put(alice, upstream);
        now.addAndGet(RecentUpstreams.TIME_TO_LIVE.toNanos() - 1);
        assertEquals(upstream, recent.get(alice, workspace).orElseThrow());
        now.addAndGet(1);
        assertTrue(recent.get(alice, workspace).isEmpty(), "expired");
    }

    @Test
    void anotherCallerOrTheSameNameWithOtherRolesIsCheckedAgain() {
        recent.put(alice, upstream);
        assertTrue(recent.get(new Caller(new Username("bob"), Set.of(Role.USER)), workspace).isEmpty());
        assertTrue(recent.get(new Caller(new Username("alice"), Set.of(Role.USER, Role.ADMIN)), workspace).isEmpty());
        assertTrue(recent.get(alice, new WorkspaceId("bbbbbbbbbbbb")).isEmpty());
    }

    @Test
    void forgettingAWorkspaceDropsItForEveryCaller() {
        Caller admin = new Caller(new Username("root"), Set.of(Role.ADMIN));
        recent.put(alice, upstream);
        recent.put(admin, upstream);
        recent.forget(workspace);
        assertTrue(recent.get(alice, workspace).isEmpty());
        assertTrue(recent.get(admin, workspace).isEmpty());
    }

    @Test
    void expiredEntriesAreSweptOnceTheMapGrows() {
        for (int i = 0; i < 1_000; i++) {
            recent.put(new Caller(new Username("user" + i), Set.of(Role.USER)), upstream);
        }
        now.addAndGet(RecentUpstreams.TIME_TO_LIVE.toNanos());
        recent.put(alice, upstream);
        assertEquals(1, recent.size());
    }
}
