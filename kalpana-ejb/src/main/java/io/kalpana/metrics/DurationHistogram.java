package io.kalpana.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram of durations in seconds, with cumulative buckets fixed when it is made. */
final class DurationHistogram {

    private final String name;
    private final String help;
    private final double[] bounds;
    private final AtomicLongArray buckets;
    private final LongAdder count = new LongAdder();
    private final LongAdder sumMicros = new LongAdder();

    DurationHistogram(String name, String help, double... boundsInSeconds) {
        this.name = name;
        this.help = help;
        this.bounds = boundsInSeconds.clone();
        this.buckets = new AtomicLongArray(bounds.length);
    }

    void observe(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        for (int i = 0; i < bounds.length; i++) {
            if (seconds <= bounds[i]) {
                buckets.incrementAndGet(i);
            }
        }
        count.increment();
        sumMicros.add(duration.toNanos() / 1000);
    }

    long count() {
        return count.sum();
    }

    void writeTo(PrometheusText text) {
        text.family(name, "histogram", help);
        for (int i = 0; i < bounds.length; i++) {
            text.sample(name + "_bucket", Map.of("le", Double.toString(bounds[i])), buckets.get(i));
        }
        text.sample(name + "_bucket", Map.of("le", "+Inf"), count.sum());
        text.sample(name + "_sum", sumMicros.sum() / 1e6);
        text.sample(name + "_count", count.sum());
    }
}
