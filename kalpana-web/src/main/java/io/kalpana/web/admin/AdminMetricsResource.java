package io.kalpana.web.admin;

import io.kalpana.metrics.KalpanaMetrics;
import io.kalpana.metrics.PrometheusText;
import io.kalpana.port.PortAllocator;
import io.kalpana.port.PortCapacity;
import io.kalpana.web.health.DockerReadiness;
import io.kalpana.web.health.StoreReadiness;
import io.kalpana.workspace.WorkspaceDirectory;
import io.kalpana.workspace.WorkspaceStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/**
 * Kalpana's metrics in the Prometheus text format, for admins and for a scraper holding {@code kalpana.metrics.token}.
 * Counters are this instance's since it started; gauges are read from the store and the engine at each scrape, so
 * every instance of a cluster reports the same workspace and port figures.
 */
@Path("admin/metrics")
public class AdminMetricsResource {

    @Inject
    KalpanaMetrics metrics;

    @Inject
    WorkspaceDirectory directory;

    @Inject
    PortAllocator ports;

    // The checks are qualified @Readiness, so they are injected as such.
    @Inject
    @Readiness
    StoreReadiness store;

    @Inject
    @Readiness
    DockerReadiness docker;

    @GET
    @Produces(PrometheusText.CONTENT_TYPE)
    @Operation(summary = "Metrics for Prometheus: workspaces by status, starts and their durations, start failures by"
            + " reason, ports, reaper stops, agent turns, tokens and tool calls, IDE proxy traffic, store and engine health")
    public String scrape() {
        PrometheusText text = new PrometheusText();
        text.family("kalpana_workspaces", "gauge", "Workspaces by status, all instances");
        Map<WorkspaceStatus, Long> byStatus = directory.countByStatus();
        for (WorkspaceStatus status : WorkspaceStatus.values()) {
            text.sample("kalpana_workspaces", Map.of("status", status.name()), byStatus.getOrDefault(status, 0L));
        }
        PortCapacity capacity = ports.capacity();
        text.family("kalpana_ports", "gauge", "Host ports of the range, leased and free")
                .sample("kalpana_ports", Map.of("state", "leased"), capacity.leased())
                .sample("kalpana_ports", Map.of("state", "free"), capacity.free());
        metrics.writeTo(text);
        text.family("kalpana_up", "gauge", "Whether what Kalpana depends on answers (1) or not (0)")
                .sample("kalpana_up", Map.of("component", "store"), up(store.call()))
                .sample("kalpana_up", Map.of("component", "docker"), up(docker.call()));
        return text.toString();
    }

    private static int up(HealthCheckResponse response) {
        return response.getStatus() == HealthCheckResponse.Status.UP ? 1 : 0;
    }
}
