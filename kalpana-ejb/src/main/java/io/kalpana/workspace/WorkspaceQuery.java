package io.kalpana.workspace;

import io.kalpana.problem.KalpanaException;
import io.kalpana.store.TextMatch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One page of the all-workspaces table: filters (owner and name match as case-insensitive substrings,
 * status exactly), a sort and a window. Built from user input, so every part is checked here and a bad
 * part is a 400 that says which.
 */
public record WorkspaceQuery(Optional<String> owner, Optional<String> name, Optional<WorkspaceStatus> status,
                             WorkspaceSortField sortBy, boolean descending, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public WorkspaceQuery {
        owner = TextMatch.typed("owner", owner);
        name = TextMatch.typed("name", name);
        if (offset < 0) {
            throw KalpanaException.invalid("invalid_offset", "The offset must be 0 or more, not " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw KalpanaException.invalid("invalid_limit", "The page size must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** Newest first, the first 25: what the table shows before anyone touches it. */
    public static WorkspaceQuery firstPage() {
        return new WorkspaceQuery(Optional.empty(), Optional.empty(), Optional.empty(), WorkspaceSortField.CREATED,
                true, 0, 25);
    }

    /** A status filter as typed; blank means none. */
    public static Optional<WorkspaceStatus> parseStatus(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(WorkspaceStatus.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw KalpanaException.invalid("unknown_status", "There is no status '" + WorkspaceSortField.shorten(text.strip())
                    + "'; use one of " + Arrays.stream(WorkspaceStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** "asc" or "desc" (any case); blank means ascending. */
    public static boolean parseDescending(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("asc")) {
            return false;
        }
        if (text.strip().equalsIgnoreCase("desc")) {
            return true;
        }
        throw KalpanaException.invalid("unknown_sort_order", "The sort order must be 'asc' or 'desc', not '"
                + WorkspaceSortField.shorten(text.strip()) + "'");
    }
}
