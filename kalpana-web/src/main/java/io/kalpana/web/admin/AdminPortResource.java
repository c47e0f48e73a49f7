package io.kalpana.web.admin;

import io.kalpana.port.PortAllocator;
import io.kalpana.port.PortCapacity;
import io.kalpana.port.PortLease;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The port range's use and the port map, for administrators. */
@Path("admin/ports")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPortResource {

    @Inject
    PortAllocator ports;

    public record LeaseJson(int port, String purpose, String workspaceId, String owner, String leasedAt) {
    }

    public record PortsJson(String range, int size, int leased, int free, int workspacesThatFit,
                            Map<String, Integer> leasedByOwner, List<LeaseJson> leases) {
    }

    @GET
    @Operation(summary = "Port range capacity and which workspace and person holds which port")
    public PortsJson ports() {
        PortCapacity capacity = ports.capacity();
        List<LeaseJson> leases = ports.leases().stream()
                .sorted(Comparator.comparing(PortLease::port))
                .map(l -> new LeaseJson(l.port().number(), l.purpose().name(), l.workspaceId(), l.owner(),
                        l.leasedAt() == null ? null : l.leasedAt().toString()))
                .toList();
        return new PortsJson(capacity.range().toString(), capacity.size(), capacity.leased(), capacity.free(),
                capacity.workspacesThatFit(), capacity.leasedByOwner(), leases);
    }
}
