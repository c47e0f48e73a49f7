package io.kalpana.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Prometheus text exposition format (version 0.0.4), which Prometheus and every OpenMetrics scraper read:
 * one {@code # HELP} and {@code # TYPE} per family, then its samples, label values escaped.
 */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder();

    public PrometheusText family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    public PrometheusText sample(String name, double value) {
        return sample(name, Map.of(), value);
    }

    public PrometheusText sample(String name, Map<String, String> labels, double value) {
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
                if (!first) {
                    text.append(',');
                }
                first = false;
                text.append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
            }
            text.append('}');
        }
        text.append(' ').append(format(value)).append('\n');
        return this;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String format(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
