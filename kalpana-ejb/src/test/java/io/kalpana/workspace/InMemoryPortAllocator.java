package io.kalpana.workspace;

import io.kalpana.port.HostPort;
import io.kalpana.port.HostPortProbe;
import io.kalpana.port.PortAllocation;
import io.kalpana.port.PortAllocator;
import io.kalpana.port.PortLease;
import io.kalpana.port.PortLeaseStore;
import io.kalpana.port.PortPair;
import io.kalpana.port.PortRange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real allocation algorithm and port probe over leases kept in memory instead of JNoSQL, in the ports
 * {@code -Dkalpana.test.portRange} gives this build (several builds share one Docker engine).
 */
class InMemoryPortAllocator extends PortAllocator {

    private final Map<Integer, PortLease> leases = new ConcurrentHashMap<>();
    private final PortAllocation allocation = new PortAllocation(PortRange.parse(System.getProperty("kalpana.test.portRange", "45000-45999")), new PortLeaseStore() {
        @Override
        public boolean tryInsert(PortLease lease) {
            return leases.putIfAbsent(lease.port().number(), lease) == null;
        }

        @Override
        public List<PortLease> leasesOf(String workspaceId) {
            return leases.values().stream().filter(lease -> lease.workspaceId().equals(workspaceId)).toList();
        }

        @Override
        public List<PortLease> all() {
            return new ArrayList<>(leases.values());
        }

        @Override
        public void releaseWorkspace(String workspaceId) {
            leases.values().removeIf(lease -> lease.workspaceId().equals(workspaceId));
        }

        @Override
        public void release(HostPort port) {
            leases.remove(port.number());
        }
    }, new HostPortProbe("127.0.0.1"), Clock.systemUTC());

    @Override
    public synchronized PortPair allocate(String workspaceId, String owner) {
        return allocation.allocate(workspaceId, owner);
    }

    @Override
    public synchronized void release(String workspaceId) {
        allocation.release(workspaceId);
    }

    @Override
    public synchronized Optional<PortPair> heldBy(String workspaceId) {
        return allocation.heldBy(workspaceId);
    }

    @Override
    public synchronized List<PortLease> leases() {
        return allocation.leases();
    }

    @Override
    public synchronized int releaseAllExcept(Set<String> holders) {
        List<String> others = leases.values().stream().map(PortLease::workspaceId).distinct()
                .filter(workspaceId -> !holders.contains(workspaceId)).toList();
        others.forEach(allocation::release);
        return others.size();
    }
}
