package io.kalpana.port;

import java.util.List;

/** Where leases are kept. The store, not the caller, decides whether a port is still free. */
public interface PortLeaseStore {

    /** Records the lease unless the port is leased already; true when this call got it. */
    boolean tryInsert(PortLease lease);

    List<PortLease> leasesOf(String workspaceId);

    List<PortLease> all();

    void releaseWorkspace(String workspaceId);

    void release(HostPort port);
}
