package io.kalpana.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's H2 backend, committed to its file before each write is acknowledged. H2 on its own
 * commits in the background about once a second, so a Kalpana killed with SIGKILL lost the changes of its
 * last moments (a workspace created, a start claimed) although the client had been told they were done.
 * <p>
 * H2's background writer is off: with it, each of these commits was handed to two of its threads and awaited, and on
 * a machine that had been idle for a moment every hand-over waited for a thread to wake (a create request took 100-150
 * ms instead of 15-20). The commit now runs in the thread that made the change. Space of old chunks is reused once
 * H2's retention time has passed, so the file levels off (about 36 MB after several hundred writes a minute).
 */
final class DurableH2Backend extends H2Backend {

    DurableH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).autoCommitDisabled().open());
    }

    /** Every request of today's drivers arrives as an OP_MSG message, writes included. */
    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return super.handleMessage(message);
        } finally {
            commitChanges();
        }
    }

    private void commitChanges() {
        if (getMvStore().hasUnsavedChanges()) {
            commit();
        }
    }
}
