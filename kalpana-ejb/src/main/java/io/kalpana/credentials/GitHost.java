package io.kalpana.credentials;

import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.RepoUrl;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Git host as git's credential protocol names it: a lower-case DNS name, with {@code :port} when the URL has one
 * ({@code git.example.com}, {@code git.example.com:8443}). Nothing else passes, because the value is matched against
 * what git asks for and ends up in a document id and a URL path.
 */
public record GitHost(String value) {

    private static final int MAX_LENGTH = 253;
    private static final Pattern NAME = Pattern.compile(
            "[a-z0-9]([a-z0-9_-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9_-]*[a-z0-9])?)*");
    private static final Pattern HTTPS_AUTHORITY = Pattern.compile("https://(?:[^@/?#]*@)?([^/?#]+)(?:[/?#].*)?",
            Pattern.CASE_INSENSITIVE);

    public GitHost {
        if (value == null || value.isEmpty()) {
            throw invalid("The Git host is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw invalid("A Git host has at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw invalid("A Git host cannot contain spaces or control characters");
        }
        if (value.startsWith("-")) {
            throw invalid("A Git host cannot start with '-'");
        }
        if (value.contains("/") || value.contains("@")) {
            throw invalid("Give the host name only (git.example.com or git.example.com:8443), without scheme, user or path");
        }
        int colon = value.lastIndexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        if (!NAME.matcher(name).matches()) {
            throw invalid("'" + printable(value) + "' is not a host name: use letters a-z, digits, '-', '_' and '.'");
        }
        if (colon >= 0 && !validPort(value.substring(colon + 1))) {
            throw invalid("The port of a Git host is a number from 1 to 65535");
        }
    }

    /** Accepts what a person types: surrounding blanks and capitals are not part of the host. */
    public static GitHost of(String typed) {
        return new GitHost(typed == null ? null : typed.strip().toLowerCase(Locale.ROOT));
    }

    /** The host of an {@code https://} repository URL, as git's credential protocol will name it; empty otherwise. */
    public static Optional<GitHost> ofRepository(RepoUrl url) {
        Matcher https = HTTPS_AUTHORITY.matcher(url.value());
        if (!https.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(https.group(1)));
        } catch (KalpanaException notAHost) {
            return Optional.empty();
        }
    }

    private static boolean validPort(String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int number = Integer.parseInt(port);
        return number >= 1 && number <= 65535;
    }

    /** Echoed in a message: non-printable or non-ASCII characters shown as '?', and never more than 80 of them. */
    private static String printable(String typed) {
        String shown = typed.chars().map(c -> c < 0x20 || c > 0x7e ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
    }

    private static KalpanaException invalid(String message) {
        return KalpanaException.invalid("invalid_git_host", message);
    }

    @Override
    public String toString() {
        return value;
    }
}
