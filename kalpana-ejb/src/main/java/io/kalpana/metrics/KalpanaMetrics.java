package io.kalpana.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * The events Kalpana counts, since this instance started: Prometheus adds up the instances of a cluster and copes
 * with a restart's reset, so nothing here needs the store.
 */
@ApplicationScoped
public class KalpanaMetrics {

    private final DurationHistogram startDuration = new DurationHistogram("kalpana_workspace_start_seconds",
            "Time from a start's turn to the IDE answering, of starts that succeeded",
            0.5, 1, 2, 5, 10, 30, 60, 120, 300);
    private final LabelledCounter startFailures = new LabelledCounter("kalpana_workspace_start_failures_total",
            "reason", "Starts that failed, by the error code the person saw");
    private final LabelledCounter systemStops = new LabelledCounter("kalpana_reaper_stops_total", "why",
            "Workspaces the reaper stopped, by why (idle, max_lifetime)");
    private final LongAdder systemDeletes = new LongAdder();
    private final LabelledCounter agentTurns = new LabelledCounter("kalpana_agent_turns_total", "outcome",
            "Agent turns that ended, by outcome");
    private final LabelledCounter agentTokens = new LabelledCounter("kalpana_agent_tokens_total", "kind",
            "Tokens the model reported, input and output");
    private final LabelledCounter toolCalls = new LabelledCounter("kalpana_agent_tool_calls_total", "tool",
            "Tool calls the agent made, by tool");
    private final LongAdder proxyRequests = new LongAdder();
    private final LongAdder proxyUpstreamErrors = new LongAdder();

    public void startSucceeded(Duration took) {
        startDuration.observe(took);
    }

    public void startFailed(String code) {
        startFailures.add(code, 1);
    }

    public void stoppedBySystem(String why) {
        systemStops.add(why, 1);
    }

    public void deletedBySystem() {
        systemDeletes.increment();
    }

    public void agentTurnEnded(String outcome, long inputTokens, long outputTokens) {
        agentTurns.add(outcome, 1);
        agentTokens.add("input", inputTokens);
        agentTokens.add("output", outputTokens);
    }

    public void toolCalled(String tool) {
        toolCalls.add(tool, 1);
    }

    public void ideProxyRequest() {
        proxyRequests.increment();
    }

    public void ideProxyUpstreamError() {
        proxyUpstreamErrors.increment();
    }

    public long startsSucceeded() {
        return startDuration.count();
    }

    public void writeTo(PrometheusText text) {
        startDuration.writeTo(text);
        startFailures.writeTo(text);
        systemStops.writeTo(text);
        text.family("kalpana_reaper_deletes_total", "counter", "Stopped workspaces the reaper deleted at the end of"
                + " their retention").sample("kalpana_reaper_deletes_total", systemDeletes.sum());
        agentTurns.writeTo(text);
        agentTokens.writeTo(text);
        toolCalls.writeTo(text);
        text.family("kalpana_ide_proxy_requests_total", "counter", "Requests and WebSocket upgrades the IDE proxy"
                + " passed to workspaces").sample("kalpana_ide_proxy_requests_total", proxyRequests.sum());
        text.family("kalpana_ide_proxy_upstream_errors_total", "counter", "IDE proxy requests a workspace did not"
                + " answer (502/504)").sample("kalpana_ide_proxy_upstream_errors_total", proxyUpstreamErrors.sum());
    }
}
