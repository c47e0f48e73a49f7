package io.kalpana.store;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.regex.Pattern;

/** Filters for text an administrator types into a search box: matched literally, ignoring case. */
public final class TextMatch {

    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    private TextMatch() {
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
