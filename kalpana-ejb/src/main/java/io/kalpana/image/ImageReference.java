package io.kalpana.image;

import io.kalpana.problem.KalpanaException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Docker image reference ({@code registry.example.com:5000/team/java:17}, {@code kalpana-workspace:0.1.0},
 * optionally pinned {@code @sha256:...}), checked against the grammar of the distribution spec so a typo is refused
 * when an admin registers it rather than when a workspace first starts on it.
 */
public record ImageReference(String value) {

    public static final int MAX_LENGTH = 255;
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String HOST = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*"
            + "[a-zA-Z0-9])?)*(?::[0-9]{1,5})?/)?";
    private static final Pattern SHAPE = Pattern.compile(HOST + COMPONENT + "(?:/" + COMPONENT + ")*"
            + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");

    public ImageReference {
        if (value == null || value.isBlank()) {
            throw KalpanaException.invalid("invalid_image_reference", "Give the Docker image reference");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw KalpanaException.invalid("invalid_image_reference", "A Docker image reference has at most "
                    + MAX_LENGTH + " characters");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw KalpanaException.invalid("invalid_image_reference", "'" + value + "' is not a Docker image reference"
                    + " (like registry.example.com/team/java:17 or kalpana-workspace:0.1.0)");
        }
    }

    /** The reference without tag or digest: what an image of another tag shares with this one. */
    public String repository() {
        String name = withoutDigest();
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(0, colon) : name;
    }

    /** The tag, when the reference has one. */
    public Optional<String> tag() {
        String name = withoutDigest();
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? Optional.of(name.substring(colon + 1)) : Optional.empty();
    }

    public boolean pinnedByDigest() {
        return value.contains("@");
    }

    private String withoutDigest() {
        int at = value.indexOf('@');
        return at < 0 ? value : value.substring(0, at);
    }

    @Override
    public String toString() {
        return value;
    }
}
