package io.kalpana.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A counter family split by one label; label values come from a small closed set (codes, outcomes, tool names). */
final class LabelledCounter {

    /** Beyond this many values, new ones count under "other": a label must never grow without bound. */
    private static final int MAX_VALUES = 64;

    private final String name;
    private final String label;
    private final String help;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    LabelledCounter(String name, String label, String help) {
        this.name = name;
        this.label = label;
        this.help = help;
    }

    void add(String value, long amount) {
        String key = counts.containsKey(value) || counts.size() < MAX_VALUES ? value : "other";
        counts.computeIfAbsent(key, any -> new LongAdder()).add(amount);
    }

    long get(String value) {
        LongAdder adder = counts.get(value);
        return adder == null ? 0 : adder.sum();
    }

    void writeTo(PrometheusText text) {
        text.family(name, "counter", help);
        counts.forEach((value, adder) -> text.sample(name, Map.of(label, value), adder.sum()));
    }
}
