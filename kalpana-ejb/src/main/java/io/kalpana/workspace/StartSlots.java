package io.kalpana.workspace;

import io.kalpana.config.KalpanaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Semaphore;

/**
 * Turns for starting workspaces. Booting VS Code takes about a processor-second: fifty at once on two cores all
 * miss their start timeout together, while a few at a time all finish, sooner on average. First come, first served.
 */
@ApplicationScoped
public class StartSlots {

    private Semaphore slots;
    private int size;

    protected StartSlots() {
    }

    @Inject
    public StartSlots(KalpanaConfig config) {
        this(config.workspaceConcurrentStarts());
    }

    public StartSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one start at a time, not " + size);
        }
        this.size = size;
        this.slots = new Semaphore(size, true);
    }

    /** A turn, once one is free; closing it gives it to the next start. */
    public Turn await() throws InterruptedException {
        if (slots.tryAcquire()) {
            return new Turn(false);
        }
        slots.acquire();
        return new Turn(true);
    }

    /** Whether a start asked now would have to wait. */
    public boolean full() {
        return slots.availablePermits() == 0;
    }

    public int size() {
        return size;
    }

    /** One start's turn. */
    public final class Turn implements AutoCloseable {

        private final boolean waited;
        private boolean released;

        private Turn(boolean waited) {
            this.waited = waited;
        }

        /** Whether this start had to wait for its turn, so the world may have changed meanwhile. */
        public boolean waited() {
            return waited;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                slots.release();
            }
        }
    }
}
