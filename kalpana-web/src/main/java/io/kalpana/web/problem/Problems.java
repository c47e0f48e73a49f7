package io.kalpana.web.problem;

import io.kalpana.problem.KalpanaException;
import io.kalpana.store.StoreUnavailable;

import java.util.Optional;

/** Finds the failure a person should be told about, however deep the EJB container wrapped it. */
public final class Problems {

    private Problems() {
    }

    public static Optional<KalpanaException> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KalpanaException problem) {
                return Optional.of(problem);
            }
        }
        if (StoreUnavailable.isCauseOf(failure)) {
            return Optional.of(StoreUnavailable.problem(failure));
        }
        return Optional.empty();
    }
}
