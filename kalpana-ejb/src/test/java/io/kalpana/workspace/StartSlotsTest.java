package io.kalpana.workspace;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartSlotsTest {

    @Test
    void turnsAreCountedAndClosingOneTwiceGivesBackOnlyOne() throws Exception {
        StartSlots slots = new StartSlots(2);
        StartSlots.Turn first = slots.await();
        assertFalse(slots.full());
        StartSlots.Turn second = slots.await();
        assertTrue(slots.full());
        first.close();
        first.close();
        assertFalse(slots.full());
        StartSlots.Turn third = slots.await();
        assertTrue(slots.full(), "a turn closed twice must not make room for two");
        assertFalse(third.waited(), "a free turn is taken without waiting");
        second.close();
        third.close();
    }

    @Test
    void aStartThatFoundNoFreeTurnSaysItWaited() throws Exception {
        StartSlots slots = new StartSlots(1);
        StartSlots.Turn first = slots.await();
        CompletableFuture<StartSlots.Turn> second = CompletableFuture.supplyAsync(() -> {
            try {
                return slots.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(second.isDone(), "no turn while the only one is taken");
        first.close();
        assertTrue(second.get(10, TimeUnit.SECONDS).waited());
    }

    @Test
    void atLeastOneStartAtATime() {
        assertThrows(IllegalArgumentException.class, () -> new StartSlots(0));
        assertThrows(IllegalArgumentException.class, () -> new StartSlots(-3));
    }
}
