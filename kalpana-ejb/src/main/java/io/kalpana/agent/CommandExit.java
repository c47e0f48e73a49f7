package io.kalpana.agent;

import java.time.Duration;

/** How a command ended. */
public record CommandExit(int exitCode, boolean timedOut, boolean killed, Duration duration) {
}
