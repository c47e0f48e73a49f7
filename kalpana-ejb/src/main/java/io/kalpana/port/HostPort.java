package io.kalpana.port;

/** A TCP port on the Docker host. */
public record HostPort(int number) implements Comparable<HostPort> {

    public HostPort {
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("A port is a number from 1 to 65535, not " + number);
        }
    }

    @Override
    public int compareTo(HostPort other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return Integer.toString(number);
    }
}
