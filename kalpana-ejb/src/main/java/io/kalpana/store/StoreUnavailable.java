package io.kalpana.store;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.kalpana.problem.KalpanaException;

import java.util.function.Supplier;

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

    /** Runs a database call, turning an unreachable database into the 503 problem and leaving other failures be. */
    public static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (isCauseOf(e)) {
                throw problem(e);
            }
            throw e;
        }
    }

    public static KalpanaException problem(Throwable cause) {
        return KalpanaException.unavailable("store_unavailable",
                "Kalpana's database is not reachable right now; nothing was changed. Try again shortly.", cause);
    }
}
