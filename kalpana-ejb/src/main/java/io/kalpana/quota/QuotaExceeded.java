package io.kalpana.quota;

import io.kalpana.problem.KalpanaException;

/** The 409 answers of a quota check, each naming the limit and what to do about it. */
final class QuotaExceeded {

    private QuotaExceeded() {
    }

    static KalpanaException running(int running, int limit) {
        return KalpanaException.conflict("quota_running", limit == 0
                ? "You may not run any workspaces; ask an administrator to raise your limit"
                : "You already have " + running + " running " + plural(running) + ", the most allowed for you ("
                + limit + "); stop one first");
    }

    static KalpanaException total(int total, int limit) {
        return KalpanaException.conflict("quota_total", limit == 0
                ? "You may not create workspaces; ask an administrator to raise your limit"
                : "You already have " + total + " " + plural(total) + ", the most allowed for you (" + limit
                + "); delete one first");
    }

    private static String plural(int count) {
        return count == 1 ? "workspace" : "workspaces";
    }
}
