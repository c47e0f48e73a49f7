package io.kalpana.store;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.kalpana.problem.KalpanaException;

/** Recognises a database that cannot be reached, and names it in words a user can act on. */
public final class StoreUnavailable {

    private StoreUnavailable() {
    }

    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }

    public static KalpanaException problem(Throwable cause) {
        return KalpanaException.unavailable("store_unavailable",
                "Kalpana's database is not reachable right now; nothing was changed. Try again shortly.", cause);
    }
}
