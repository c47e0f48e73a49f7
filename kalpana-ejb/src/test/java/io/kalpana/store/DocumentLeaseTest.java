package io.kalpana.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final DocumentLease lease = new DocumentLease(mongo::database, clock);

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void oneOfTwoContendersGetsTheLeaseAndTheHolderMayRenewIt() {
        assertTrue(lease.tryAcquire("sweep", "instance-a", TTL));
        assertFalse(lease.tryAcquire("sweep", "instance-b", TTL), "held by a, b must wait");
        clock.advance(Duration.ofSeconds(20));
        assertTrue(lease.tryAcquire("sweep", "instance-a", TTL), "the holder renews");
        clock.advance(Duration.ofSeconds(20));
        assertFalse(lease.tryAcquire("sweep", "instance-b", TTL), "the renewal moved the expiry on");
    }

    @Test
    void aLeaseOfAHolderThatDiedLapsesAtItsExpiry() {
        assertTrue(lease.tryAcquire("sweep", "dead-instance", TTL));
        clock.advance(TTL.minusSeconds(1));
        assertFalse(lease.tryAcquire("sweep", "instance-b", TTL));
        clock.advance(Duration.ofSeconds(2));
        assertTrue(lease.tryAcquire("sweep", "instance-b", TTL), "expired: taken over");
        assertFalse(lease.tryAcquire("sweep", "dead-instance", TTL), "and the old holder does not get it back");
    }

    @Test
    void releaseFreesTheLeaseButOnlyForItsHolder() {
        assertTrue(lease.tryAcquire("sweep", "a", TTL));
        lease.release("sweep", "b");
        assertFalse(lease.tryAcquire("sweep", "b", TTL), "b cannot release a's lease");
        lease.release("sweep", "a");
        assertTrue(lease.tryAcquire("sweep", "b", TTL));
    }

    @Test
    void leasesOfDifferentNamesAreIndependent() {
        assertTrue(lease.tryAcquire("quota:alice", "x", TTL));
        assertTrue(lease.tryAcquire("quota:bob", "y", TTL));
    }

    @Test
    void manyRacingContendersOnSeparateClientsGetOneLease() throws Exception {
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        List<com.mongodb.client.MongoClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < contenders; i++) {
                var client = mongo.newClient();
                clients.add(client);
                DocumentLease own = new DocumentLease(() -> client.getDatabase("kalpana"), clock);
                String holder = "instance-" + i;
                Callable<Boolean> contend = () -> {
                    go.await();
                    return own.tryAcquire("sweep", holder, TTL);
                };
                results.add(pool.submit(contend));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
            clients.forEach(com.mongodb.client.MongoClient::close);
        }
    }
}
