package io.kalpana.web.admin;

import io.kalpana.capacity.CapacityReport;
import io.kalpana.capacity.CapacityService;
import io.kalpana.capacity.ContainerLoad;
import io.kalpana.capacity.PortHolder;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The admin console's capacity section as JSON. */
@Path("admin/capacity")
@Produces(MediaType.APPLICATION_JSON)
public class AdminCapacityResource {

    @Inject
    CapacityService capacity;

    @JsonbNillable
    public record EngineJson(boolean reachable, String unreachable, Long memoryBytes, Integer cpus, String version,
                             String measuredAt, int unmeasuredContainers) {
    }

    public record ContainerJson(String workspaceId, String name, String owner, long memoryBytes, long memoryLimitBytes,
                                double cpuPercent) {
    }

    @JsonbNillable
    public record HolderJson(int port, String purpose, String workspaceId, String workspaceName, String owner) {
    }

    @JsonbNillable
    public record FitJson(int byPorts, Integer byMemoryLimit, Integer byMeasuredUse, long memoryLimitBytes) {
    }

    public record CapacityJson(String portRange, int portsLeased, int portsFree, Map<String, Long> workspaces,
                               EngineJson engine, List<ContainerJson> containers, FitJson fit, List<HolderJson> portMap) {
    }

    @GET
    @Operation(summary = "Ports, workspaces by status, the Docker host, each running container's memory and CPU, "
            + "and how many more workspaces fit")
    public CapacityJson capacity() {
        CapacityReport report = capacity.report();
        Map<String, Long> workspaces = new TreeMap<>();
        report.workspaces().forEach((status, count) -> workspaces.put(status.name(), count));
        var view = report.engine();
        EngineJson engine = new EngineJson(view.engine().isPresent(), view.unreachable().orElse(null),
                view.engine().map(e -> e.memoryBytes()).orElse(null), view.engine().map(e -> e.cpus()).orElse(null),
                view.engine().map(e -> e.serverVersion()).orElse(null), view.measuredAt().toString(), view.unmeasured());
        List<ContainerJson> containers = report.containers().stream().map(AdminCapacityResource::container).toList();
        FitJson fit = new FitJson(report.fitByPorts(), report.memoryFit().map(f -> f.byLimit()).orElse(null),
                report.memoryFit().flatMap(f -> f.byMeasuredUse()).orElse(null),
                report.memoryFit().map(f -> f.limitBytes()).orElse(0L));
        List<HolderJson> portMap = report.portMap().stream().map(AdminCapacityResource::holder).toList();
        return new CapacityJson(report.ports().range().toString(), report.ports().leased(), report.ports().free(),
                workspaces, engine, containers, fit, portMap);
    }

    private static ContainerJson container(ContainerLoad load) {
        return new ContainerJson(load.workspace().id().value(), load.workspace().name(), load.workspace().owner().value(),
                load.usage().memoryBytes(), load.usage().memoryLimitBytes(), load.usage().cpuPercent());
    }

    private static HolderJson holder(PortHolder holder) {
        return new HolderJson(holder.port(), holder.purpose().name(), holder.workspaceId(),
                holder.workspaceName().orElse(null), holder.owner());
    }
}
