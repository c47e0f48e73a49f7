package io.kalpana.port;

import io.kalpana.problem.KalpanaException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An inclusive range of host ports, written {@code first-last} in configuration. */
public record PortRange(HostPort first, HostPort last) {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,5})\\s*-\\s*(\\d{1,5})\\s*");

    public PortRange {
        if (first.compareTo(last) > 0) {
            throw KalpanaException.invalid("invalid_port_range",
                    "Port range " + first + "-" + last + " starts after it ends");
        }
    }

    public static PortRange parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw KalpanaException.invalid("invalid_port_range",
                    "Port range must look like 40000-49999, got '" + text + "'");
        }
        try {
            return new PortRange(new HostPort(Integer.parseInt(matcher.group(1))),
                    new HostPort(Integer.parseInt(matcher.group(2))));
        } catch (IllegalArgumentException e) {
            throw KalpanaException.invalid("invalid_port_range", "Port range '" + text + "': " + e.getMessage());
        }
    }

    public int size() {
        return last.number() - first.number() + 1;
    }

    public boolean contains(HostPort port) {
        return port.number() >= first.number() && port.number() <= last.number();
    }

    /** The port after {@code port}, wrapping from the last port to the first. */
    public HostPort next(HostPort port) {
        return port.number() >= last.number() ? first : new HostPort(port.number() + 1);
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
