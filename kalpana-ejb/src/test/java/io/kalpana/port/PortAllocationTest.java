package io.kalpana.port;

import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortAllocationTest {

    private final HostPortProbe probe = new HostPortProbe("127.0.0.1");

    private static PortRange freeRange(int size) throws IOException {
        // Start somewhere in the upper ephemeral-free zone the tests own; probe skips anything busy anyway.
        for (int first = 47000; first < 60000; first += size) {
            boolean allFree = true;
            for (int p = first; p < first + size; p++) {
                if (!new HostPortProbe("127.0.0.1").isFree(new HostPort(p))) {
                    allFree = false;
                    break;
                }
            }
            if (allFree) {
                return new PortRange(new HostPort(first), new HostPort(first + size - 1));
            }
        }
        throw new IOException("no free port block of " + size);
    }

    @Test
    void givesEachWorkspaceTwoDistinctPortsInRange() throws IOException {
        PortRange range = freeRange(20);
        PortAllocation allocation = new PortAllocation(range, new InMemoryPortLeaseStore(), probe, Clock.systemUTC());
        Set<HostPort> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            PortPair pair = allocation.allocate("ws" + i, "alice");
            assertTrue(range.contains(pair.ide()) && range.contains(pair.bridge()));
            assertTrue(seen.add(pair.ide()), "ide port given twice: " + pair.ide());
            assertTrue(seen.add(pair.bridge()), "bridge port given twice: " + pair.bridge());
        }
        assertEquals(20, seen.size());
    }

    @Test
    void asksTwiceGetsTheSamePair() throws IOException {
        PortAllocation allocation = new PortAllocation(freeRange(10), new InMemoryPortLeaseStore(), probe, Clock.systemUTC());
        assertEquals(allocation.allocate("ws1", "alice"), allocation.allocate("ws1", "alice"));
    }

    @Test
    void skipsAPortHeldByAForeignListener() throws IOException {
        PortRange range = freeRange(6);
        try (ServerSocket foreign = new ServerSocket()) {
            foreign.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), range.first().number()));
            PortAllocation allocation = new PortAllocation(range, new InMemoryPortLeaseStore(), probe, Clock.systemUTC());
            PortPair pair = allocation.allocate("ws1", "alice");
            assertNotEquals(range.first(), pair.ide());
            assertNotEquals(range.first(), pair.bridge());
        }
    }

    @Test
    void exhaustionIsAConflictNamingTheRangeAndUse() throws IOException {
        PortRange range = freeRange(4);
        InMemoryPortLeaseStore store = new InMemoryPortLeaseStore();
        PortAllocation allocation = new PortAllocation(range, store, probe, Clock.systemUTC());
        allocation.allocate("ws1", "alice");
        allocation.allocate("ws2", "bob");
        KalpanaException e = assertThrows(KalpanaException.class, () -> allocation.allocate("ws3", "carol"));
        assertEquals(ProblemKind.CONFLICT, e.kind());
        assertEquals("ports_exhausted", e.code());
        assertTrue(e.getMessage().contains(range.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("4 of 4"), e.getMessage());
        assertTrue(store.leasesOf("ws3").isEmpty(), "a failed pair must not leave half a lease behind");
    }

    @Test
    void releasedPortsAreGrantedAgain() throws IOException {
        PortRange range = freeRange(2);
        PortAllocation allocation = new PortAllocation(range, new InMemoryPortLeaseStore(), probe, Clock.systemUTC());
        allocation.allocate("ws1", "alice");
        allocation.release("ws1");
        PortPair again = allocation.allocate("ws2", "alice");
        assertEquals(Set.of(range.first(), range.last()), Set.of(again.ide(), again.bridge()));
    }

    @Test
    void aRestartedAllocatorKeepsLeasesAndGrantsNoneTwice() throws IOException {
        PortRange range = freeRange(8);
        InMemoryPortLeaseStore store = new InMemoryPortLeaseStore();
        PortPair before = new PortAllocation(range, store, probe, Clock.systemUTC()).allocate("ws1", "alice");

        PortAllocation restarted = new PortAllocation(range, store, probe, Clock.systemUTC());
        restarted.reload();
        assertEquals(before, restarted.heldBy("ws1").orElseThrow());
        PortPair other = restarted.allocate("ws2", "bob");
        assertFalse(Set.of(before.ide(), before.bridge()).contains(other.ide()));
        assertFalse(Set.of(before.ide(), before.bridge()).contains(other.bridge()));
    }

    @Test
    void twoInstancesOnOneStoreNeverShareAPort() throws Exception {
        PortRange range = freeRange(200);
        InMemoryPortLeaseStore store = new InMemoryPortLeaseStore();
        PortAllocation first = new PortAllocation(range, store, probe, Clock.systemUTC());
        PortAllocation second = new PortAllocation(range, store, probe, Clock.systemUTC());
        Thread a = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                first.allocate("a" + i, "alice");
            }
        });
        Thread b = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                second.allocate("b" + i, "bob");
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals(200, store.all().size());
        assertEquals(200, store.all().stream().map(PortLease::port).distinct().count());
    }

    @Test
    void capacityCountsByOwner() throws IOException {
        PortRange range = freeRange(10);
        PortAllocation allocation = new PortAllocation(range, new InMemoryPortLeaseStore(), probe, Clock.systemUTC());
        allocation.allocate("ws1", "alice");
        allocation.allocate("ws2", "alice");
        allocation.allocate("ws3", "bob");
        PortCapacity capacity = allocation.capacity();
        assertEquals(10, capacity.size());
        assertEquals(6, capacity.leased());
        assertEquals(4, capacity.free());
        assertEquals(2, capacity.workspacesThatFit());
        assertEquals(4, capacity.leasedByOwner().get("alice"));
        assertEquals(2, capacity.leasedByOwner().get("bob"));
    }
}
