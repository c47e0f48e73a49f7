package io.kalpana.agent;

/** One line matching a search. */
public record SearchHit(String path, int line, String text) {
}
