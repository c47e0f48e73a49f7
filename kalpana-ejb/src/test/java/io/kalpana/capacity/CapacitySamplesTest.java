package io.kalpana.capacity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapacitySamplesTest {

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort() + "/?retryWrites=false");
    private final CapacitySamples samples = new CapacitySamples(() -> client.getDatabase("kalpana"));

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void keepsTheLastDayOldestFirstAndPrunesWhatIsOlder() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        for (int hoursAgo = 30; hoursAgo >= 0; hoursAgo -= 2) {
            samples.add(new CapacitySample(now.minus(Duration.ofHours(hoursAgo)), hoursAgo, OptionalLong.of(hoursAgo * 1000L)));
        }
        samples.add(new CapacitySample(now, 3, OptionalLong.empty()));
        List<CapacitySample> lastDay = samples.lastDay(now);
        assertEquals(14, lastDay.size(), "24 h ago .. now every 2 h, plus the one without memory");
        assertEquals(now.minus(Duration.ofHours(24)), lastDay.get(0).at());
        assertTrue(lastDay.get(lastDay.size() - 1).memoryBytes().isEmpty(), "memory unknown stays unknown");
        assertEquals(14, client.getDatabase("kalpana").getCollection(CapacitySamples.COLLECTION).countDocuments(),
                "older samples were deleted, not only hidden");
    }

    @Test
    void memoryFitCountsLimitsAndMeasuredUse() {
        long gib = 1024L * 1024 * 1024;
        MemoryFit fit = MemoryFit.of(16 * gib, 2 * gib, 3, 3 * gib, 3);
        assertEquals(5, fit.byLimit(), "(16 - 3*2) / 2");
        assertEquals(13, fit.byMeasuredUse().orElseThrow(), "(16 - 3) / 1");
        MemoryFit full = MemoryFit.of(4 * gib, 2 * gib, 3, 0, 0);
        assertEquals(0, full.byLimit(), "over-committed: none, not a negative number");
        assertTrue(full.byMeasuredUse().isEmpty());
    }
}
