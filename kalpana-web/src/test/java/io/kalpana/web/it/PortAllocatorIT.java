package io.kalpana.web.it;

import io.kalpana.port.DocumentPortLeaseStore;
import io.kalpana.port.HostPortProbe;
import io.kalpana.port.PortAllocation;
import io.kalpana.port.PortAllocator;
import io.kalpana.port.PortCapacity;
import io.kalpana.port.PortLease;
import io.kalpana.port.PortPair;
import io.kalpana.port.PortRange;
import io.kalpana.problem.KalpanaException;
import jakarta.inject.Inject;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The port allocator inside Payara Micro: the container's lock, the embedded store's unique key,
 * many threads at once and a second allocator on the same database.
 */
@ExtendWith(ArquillianExtension.class)
class PortAllocatorIT {

    static final int THREADS = 64;
    static final int ALLOCATIONS_PER_THREAD = Integer.getInteger("kalpana.test.allocationsPerThread", 10_000);

    @Deployment
    static WebArchive deployment() {
        return KalpanaDeployment.builtWar().addClasses(PortAllocatorIT.class, KalpanaDeployment.class);
    }

    @Inject
    PortAllocator allocator;

    @Inject
    DocumentTemplate template;

    @Test
    void manyThreadsNeverHoldTheSamePort() throws Exception {
        ConcurrentMap<Integer, String> holders = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new java.util.ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            runs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < ALLOCATIONS_PER_THREAD; i++) {
                    String workspace = "it" + thread + "x" + i;
                    PortPair pair = allocator.allocate(workspace, "owner" + thread);
                    granted.incrementAndGet();
                    if (holders.putIfAbsent(pair.ide().number(), workspace) != null) {
                        duplicates.incrementAndGet();
                    }
                    if (holders.putIfAbsent(pair.bridge().number(), workspace) != null) {
                        duplicates.incrementAndGet();
                    }
                    holders.remove(pair.ide().number(), workspace);
                    holders.remove(pair.bridge().number(), workspace);
                    allocator.release(workspace);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get(30, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(0, duplicates.get(), "ports granted to two workspaces at once");
        assertEquals(THREADS * ALLOCATIONS_PER_THREAD, granted.get());
        assertEquals(0, allocator.leases().stream().filter(l -> l.workspaceId().startsWith("it")).count(),
                "every released lease is gone from the database");
    }

    @Test
    void twoAllocatorsOnOneDatabaseNeverShareAPort() throws Exception {
        PortRange range = quietRange();
        PortAllocation first = new PortAllocation(range, new DocumentPortLeaseStore(template), new HostPortProbe("127.0.0.1"), Clock.systemUTC());
        PortAllocation second = new PortAllocation(range, new DocumentPortLeaseStore(template), new HostPortProbe("127.0.0.1"), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> a = pool.submit(() -> {
            for (int i = 0; i < 50; i++) {
                first.allocate("twoA" + i, "alice");
            }
        });
        Future<?> b = pool.submit(() -> {
            for (int i = 0; i < 50; i++) {
                second.allocate("twoB" + i, "bob");
            }
        });
        a.get(5, TimeUnit.MINUTES);
        b.get(5, TimeUnit.MINUTES);
        pool.shutdown();
        List<PortLease> leases = new DocumentPortLeaseStore(template).all().stream()
                .filter(l -> l.workspaceId().startsWith("two")).toList();
        assertEquals(200, leases.size());
        assertEquals(200, leases.stream().map(PortLease::port).distinct().count());
        KalpanaException exhausted = assertThrows(KalpanaException.class, () -> first.allocate("twoC", "carol"));
        assertEquals("ports_exhausted", exhausted.code());
        assertTrue(exhausted.getMessage().contains(range.toString()), exhausted.getMessage());

        PortAllocation restarted = new PortAllocation(range, new DocumentPortLeaseStore(template), new HostPortProbe("127.0.0.1"), Clock.systemUTC());
        restarted.reload();
        assertEquals(first.heldBy("twoA7").orElseThrow(), restarted.heldBy("twoA7").orElseThrow(), "a restart keeps leases");
        for (int i = 0; i < 50; i++) {
            first.release("twoA" + i);
            second.release("twoB" + i);
        }
    }

    /**
     * 200 ports that must all be free at once: below the kernel's range for the local ports of outgoing connections,
     * where the machine's other traffic (the browser, the engine, the build) took some from under the test once.
     */
    private static PortRange quietRange() {
        int ephemeralFirst = 32768;
        try {
            ephemeralFirst = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unreadable) {
            // Linux's default then.
        }
        int last = Math.max(ephemeralFirst - 1001, 2223);
        return PortRange.parse((last - 199) + "-" + last);
    }

    @Test
    void capacityAndReconciliation() {
        PortPair held = allocator.allocate("capkeep", "dora");
        PortPair orphan = allocator.allocate("caporphan", "dora");
        assertNotEquals(held, orphan);
        PortCapacity capacity = allocator.capacity();
        assertEquals(1000, capacity.size());
        assertTrue(capacity.leased() >= 4);
        assertEquals(capacity.size() - capacity.leased(), capacity.free());

        Set<String> stillRunning = new java.util.HashSet<>(Set.of("capkeep"));
        allocator.leases().stream().map(PortLease::workspaceId).filter(id -> !id.startsWith("cap")).forEach(stillRunning::add);
        assertEquals(1, allocator.releaseAllExcept(stillRunning));
        assertTrue(allocator.heldBy("caporphan").isEmpty());
        assertEquals(held, allocator.heldBy("capkeep").orElseThrow());
        allocator.release("capkeep");
    }
}
