package io.kalpana.web.admin;

import io.kalpana.json.JsonFactory;
import io.kalpana.capacity.CapacitySample;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The Chart.js configuration PrimeFaces' {@code p:chart} draws: running workspaces (left axis) and their
 * containers' memory in GiB (right axis) per sample. Labels are plain times, so no date adapter is needed.
 */
final class CapacityChart {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final double GIB = 1024.0 * 1024 * 1024;

    private CapacityChart() {
    }

    static String of(List<CapacitySample> samples) {
        JsonArrayBuilder labels = JsonFactory.array();
        JsonArrayBuilder running = JsonFactory.array();
        JsonArrayBuilder memory = JsonFactory.array();
        for (CapacitySample sample : samples) {
            labels.add(LABEL.format(sample.at()));
            running.add(sample.running());
            if (sample.memoryBytes().isPresent()) {
                memory.add(Math.round(sample.memoryBytes().getAsLong() / GIB * 100) / 100.0);
            } else {
                memory.addNull();
            }
        }
        JsonObjectBuilder data = JsonFactory.object()
                .add("labels", labels)
                .add("datasets", JsonFactory.array()
                        .add(dataset("Running workspaces", running, "#2563eb", "running"))
                        .add(dataset("Container memory (GiB)", memory, "#d97706", "memory")));
        JsonObjectBuilder options = JsonFactory.object()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add("spanGaps", false)
                .add("plugins", JsonFactory.object()
                        .add("legend", JsonFactory.object().add("position", "bottom")))
                .add("scales", JsonFactory.object()
                        .add("running", axis("left", "workspaces").add("ticks", JsonFactory.object().add("precision", 0)))
                        .add("memory", axis("right", "GiB").add("grid", JsonFactory.object().add("drawOnChartArea", false))));
        return JsonFactory.object().add("type", "line").add("data", data).add("options", options).build().toString();
    }

    private static JsonObjectBuilder dataset(String label, JsonArrayBuilder values, String color, String axis) {
        return JsonFactory.object().add("label", label).add("data", values).add("borderColor", color)
                .add("backgroundColor", color).add("yAxisID", axis).add("pointRadius", 2).add("tension", 0.2);
    }

    private static JsonObjectBuilder axis(String position, String title) {
        return JsonFactory.object().add("type", "linear").add("position", position).add("beginAtZero", true)
                .add("title", JsonFactory.object().add("display", true).add("text", title));
    }
}
