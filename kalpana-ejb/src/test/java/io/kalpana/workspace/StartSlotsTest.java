package io.kalpana.workspace;

import org.junit.jupiter.api.Test;

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
        second.close();
        third.close();
    }

    @Test
    void atLeastOneStartAtATime() {
        assertThrows(IllegalArgumentException.class, () -> new StartSlots(0));
        assertThrows(IllegalArgumentException.class, () -> new StartSlots(-3));
    }
}
