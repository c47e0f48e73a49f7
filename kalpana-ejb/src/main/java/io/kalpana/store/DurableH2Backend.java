package io.kalpana.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * The embedded store's H2 backend, committed to its file before each write is acknowledged. H2 on its own
 * commits in the background about once a second, so a Kalpana killed with SIGKILL lost the changes of its
 * last moments (a workspace created, a start claimed) although the client had been told they were done.
 */
final class DurableH2Backend extends H2Backend {

    DurableH2Backend(String fileName) {
        super(fileName);
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
