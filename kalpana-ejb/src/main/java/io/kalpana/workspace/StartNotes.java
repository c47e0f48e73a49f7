package io.kalpana.workspace;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The progress notes of one start, written beside it rather than in its way: a start must not wait for the database
 * to tell the dashboard which step it is on. Only the latest note not yet written is written, so notes never pile up
 * and never arrive out of order; a note that lands after the start finished changes nothing, because notes only
 * apply to a workspace that is still STARTING.
 */
final class StartNotes {

    private static final Logger LOG = Logger.getLogger(StartNotes.class.getName());

    private final WorkspaceId workspace;
    private final Executor executor;
    private final Consumer<String> writer;
    private final AtomicReference<String> pending = new AtomicReference<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    StartNotes(WorkspaceId workspace, Executor executor, Consumer<String> writer) {
        this.workspace = workspace;
        this.executor = executor;
        this.writer = writer;
    }

    void note(String text) {
        pending.set(text);
        writeSoon();
    }

    private void writeSoon() {
        if (writing.compareAndSet(false, true)) {
            try {
                executor.execute(this::writeAll);
            } catch (RuntimeException rejected) {
                // No thread to spare (shutting down): the note is only a courtesy, the start goes on.
                writing.set(false);
                LOG.log(Level.FINE, "workspace=" + workspace + " progress note not written", rejected);
            }
        }
    }

    private void writeAll() {
        try {
            String next;
            while ((next = pending.getAndSet(null)) != null) {
                writer.accept(next);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "workspace=" + workspace + " progress note could not be written: " + e.getMessage(), e);
        } finally {
            writing.set(false);
            if (pending.get() != null) {
                writeSoon();
            }
        }
    }
}
