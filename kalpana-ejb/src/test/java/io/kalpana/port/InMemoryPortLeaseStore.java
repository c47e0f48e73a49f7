package io.kalpana.port;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A lease store with the same uniqueness guarantee as the database's id index, for algorithm tests. */
final class InMemoryPortLeaseStore implements PortLeaseStore {

    private final ConcurrentMap<HostPort, PortLease> leases = new ConcurrentHashMap<>();

    @Override
    public boolean tryInsert(PortLease lease) {
        return leases.putIfAbsent(lease.port(), lease) == null;
    }

    @Override
    public List<PortLease> leasesOf(String workspaceId) {
        return leases.values().stream().filter(l -> l.workspaceId().equals(workspaceId)).toList();
    }

    @Override
    public List<PortLease> all() {
        return List.copyOf(leases.values());
    }

    @Override
    public void releaseWorkspace(String workspaceId) {
        leases.values().removeIf(l -> l.workspaceId().equals(workspaceId));
    }

    @Override
    public void release(HostPort port) {
        leases.remove(port);
    }
}
