package io.kalpana.audit;

import io.kalpana.problem.KalpanaException;
import io.kalpana.store.TextMatch;

import java.time.Instant;
import java.util.Optional;

/**
 * A page of the audit log, newest first: events whose actor contains {@code actor} (any case), at or after
 * {@code from} and before {@code to}.
 */
public record AuditQuery(Optional<String> actor, Optional<Instant> from, Optional<Instant> to, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        actor = TextMatch.typed("user", actor);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw KalpanaException.invalid("invalid_time_range", "The start of the time range (" + from.get()
                    + ") must be before its end (" + to.get() + ")");
        }
        if (offset < 0) {
            throw KalpanaException.invalid("invalid_offset", "The offset must be 0 or more, not " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw KalpanaException.invalid("invalid_limit", "The page size must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** An instant as typed in a URL (ISO-8601, e.g. 2026-11-26T13:00:00Z); blank means no bound. */
    public static Optional<Instant> parseInstant(String what, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (RuntimeException e) {
            throw KalpanaException.invalid("invalid_time", "'" + what + "' must be an ISO-8601 instant such as "
                    + "2026-11-26T13:00:00Z");
        }
    }
}
