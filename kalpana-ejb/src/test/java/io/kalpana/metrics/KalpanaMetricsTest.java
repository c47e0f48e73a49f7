package io.kalpana.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a scraper reads: well-formed families, cumulative buckets, escaped labels, no label growing without bound. */
class KalpanaMetricsTest {

    @Test
    void startsFillCumulativeBucketsWithTheirSumAndCount() {
        KalpanaMetrics metrics = new KalpanaMetrics();
        metrics.startSucceeded(Duration.ofMillis(800));
        metrics.startSucceeded(Duration.ofMillis(1500));
        metrics.startSucceeded(Duration.ofSeconds(400));
        String text = written(metrics);
        assertTrue(text.contains("# TYPE kalpana_workspace_start_seconds histogram\n"), text);
        assertTrue(text.contains("kalpana_workspace_start_seconds_bucket{le=\"0.5\"} 0\n"), text);
        assertTrue(text.contains("kalpana_workspace_start_seconds_bucket{le=\"1.0\"} 1\n"), text);
        assertTrue(text.contains("kalpana_workspace_start_seconds_bucket{le=\"2.0\"} 2\n"), text);
        assertTrue(text.contains("kalpana_workspace_start_seconds_bucket{le=\"300.0\"} 2\n"), text);
        assertTrue(text.contains("kalpana_workspace_start_seconds_bucket{le=\"+Inf\"} 3\n"), text);
        assertTrue(text.contains("kalpana_workspace_start_seconds_sum 402.3\n"), text);
        assertTrue(text.contains("kalpana_workspace_start_seconds_count 3\n"), text);
        assertEquals(3, metrics.startsSucceeded());
    }

    @Test
    void labelledCountersAddUpPerValueAndStayBounded() {
        KalpanaMetrics metrics = new KalpanaMetrics();
        metrics.startFailed("workspace_image_missing");
        metrics.startFailed("workspace_image_missing");
        metrics.agentTurnEnded("completed", 200, 12);
        for (int i = 0; i < 200; i++) {
            metrics.toolCalled("tool_" + i);
        }
        String text = written(metrics);
        assertTrue(text.contains("kalpana_workspace_start_failures_total{reason=\"workspace_image_missing\"} 2\n"), text);
        assertTrue(text.contains("kalpana_agent_tokens_total{kind=\"input\"} 200\n"), text);
        assertTrue(text.contains("kalpana_agent_tokens_total{kind=\"output\"} 12\n"), text);
        assertEquals(65, text.lines().filter(line -> line.startsWith("kalpana_agent_tool_calls_total{")).count(),
                "64 tool names, then 'other'");
        assertTrue(text.contains("kalpana_agent_tool_calls_total{tool=\"other\"} 136\n"), text);
    }

    @Test
    void labelValuesAreEscapedSoNoValueCanBreakTheFormat() {
        String text = new PrometheusText().family("x_total", "counter", "help with \\ and\nnewline")
                .sample("x_total", Map.of("reason", "a\"b\\c\nd"), 1).toString();
        assertEquals("# HELP x_total help with \\\\ and\\nnewline\n# TYPE x_total counter\n"
                + "x_total{reason=\"a\\\"b\\\\c\\nd\"} 1\n", text);
        assertFalse(text.contains("\nd\""), "a newline in a value never ends the line");
    }

    private static String written(KalpanaMetrics metrics) {
        PrometheusText text = new PrometheusText();
        metrics.writeTo(text);
        return text.toString();
    }
}
