package io.kalpana.port;

import java.util.Map;

/** How much of the port range is in use, and by whom. */
public record PortCapacity(PortRange range, int size, int leased, int free, Map<String, Integer> leasedByOwner) {

    /** Each workspace holds two ports, so this many more can start before the range runs out. */
    public int workspacesThatFit() {
        return free / 2;
    }
}
