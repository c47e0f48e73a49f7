package io.kalpana.store;

import com.mongodb.client.model.Filters;
import io.kalpana.problem.KalpanaException;
import org.bson.conversions.Bson;

import java.util.Optional;
import java.util.regex.Pattern;

/** Filters for text an administrator types into a search box: matched literally, ignoring case. */
public final class TextMatch {

    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    /** Longer search text is no name or username anybody has: refused rather than searched for. */
    public static final int MAX_LENGTH = 100;

    private TextMatch() {
    }

    /**
     * Search text as typed into the filter called {@code what}, stripped; empty when blank. Overlong text, or text
     * with control characters (which no name or username holds), is refused with a 400 that says so.
     */
    public static Optional<String> typed(String what, Optional<String> text) {
        Optional<String> stripped = text.map(String::strip).filter(typed -> !typed.isEmpty());
        stripped.ifPresent(typed -> {
            if (typed.length() > MAX_LENGTH) {
                throw KalpanaException.invalid("filter_too_long", "The " + what + " filter may be at most " + MAX_LENGTH
                        + " characters long");
            }
            if (typed.codePoints().anyMatch(Character::isISOControl)) {
                throw KalpanaException.invalid("invalid_filter", "The " + what + " filter cannot contain control characters");
            }
        });
        return stripped;
    }

    /** Documents whose {@code field} contains {@code typed} anywhere, in any case. */
    public static Bson containsIgnoringCase(String field, String typed) {
        return Filters.regex(field, literal(typed), "i");
    }

    /** Typed text as a regex matching exactly that text: {@code a.b} finds "a.b", not "axb"; a lone {@code (} is fine. */
    public static String literal(String typed) {
        return REGEX_SPECIAL.matcher(typed).replaceAll("\\\\$0");
    }
}
