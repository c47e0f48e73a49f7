package io.kalpana.capacity;

import java.time.Instant;
import java.util.OptionalLong;

/** Running workspaces and their containers' memory at one moment; memory is absent when Docker did not answer. */
public record CapacitySample(Instant at, int running, OptionalLong memoryBytes) {
}
