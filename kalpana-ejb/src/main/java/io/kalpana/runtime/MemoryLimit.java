package io.kalpana.runtime;

import io.kalpana.problem.KalpanaException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A container memory limit, written in Docker's notation ({@code 512m}, {@code 2g}) in configuration. */
public record MemoryLimit(long bytes) {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+)\\s*([bkmg]?)\\s*");
    private static final long MINIMUM = 6L * 1024 * 1024;

    public MemoryLimit {
        if (bytes < MINIMUM) {
            throw KalpanaException.invalid("invalid_memory_limit",
                    "kalpana.workspace.memory must be at least 6m (Docker's minimum), not " + bytes + " bytes");
        }
    }

    public static MemoryLimit parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw KalpanaException.invalid("invalid_memory_limit",
                    "kalpana.workspace.memory must look like 512m or 2g, not '" + text + "'");
        }
        long number = Long.parseLong(matcher.group(1));
        long unit = switch (matcher.group(2)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return new MemoryLimit(Math.multiplyExact(number, unit));
    }
}
