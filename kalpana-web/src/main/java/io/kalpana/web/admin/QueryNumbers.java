package io.kalpana.web.admin;

import io.kalpana.problem.KalpanaException;

/**
 * Whole numbers from query parameters, read as text first: JAX-RS would answer "?limit=abc" with a bare 404,
 * which tells nobody what was wrong.
 */
final class QueryNumbers {

    private QueryNumbers() {
    }

    static int parse(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (RuntimeException e) {
            throw KalpanaException.invalid("invalid_" + name, "'" + name + "' must be a whole number");
        }
    }
}
