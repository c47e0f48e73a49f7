package io.kalpana.workspace;

import io.kalpana.problem.KalpanaException;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A workspace's identity: random, lower-case and short, because it also names the workspace's
 * container and volume and appears in URLs.
 */
public record WorkspaceId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]{12}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public WorkspaceId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw KalpanaException.notFound("workspace_not_found", "There is no workspace '" + value + "'");
        }
    }

    public static WorkspaceId generate() {
        char[] chars = new char[12];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new WorkspaceId(new String(chars));
    }

    @Override
    public String toString() {
        return value;
    }
}
