package io.kalpana.capacity;

import java.util.Optional;

/**
 * How many more workspaces the host's memory holds, counted two ways. {@code byLimit}: every running container
 * may grow to its limit ({@code kalpana.workspace.memory}), so the host memory not reserved that way, divided by
 * the limit; safe. {@code byMeasuredUse}: the memory not used right now, divided by what a running workspace uses
 * on average; optimistic, and absent until at least one container was measured.
 */
public record MemoryFit(long limitBytes, int byLimit, Optional<Integer> byMeasuredUse) {

    static MemoryFit of(long hostBytes, long limitBytes, int running, long usedBytes, int measured) {
        long reserved = (long) running * limitBytes;
        int byLimit = limitBytes <= 0 ? 0 : (int) Math.max(0, (hostBytes - reserved) / limitBytes);
        Optional<Integer> byUse = Optional.empty();
        if (measured > 0 && usedBytes > 0) {
            long average = usedBytes / measured;
            byUse = Optional.of((int) Math.max(0, (hostBytes - usedBytes) / Math.max(1, average)));
        }
        return new MemoryFit(limitBytes, byLimit, byUse);
    }
}
