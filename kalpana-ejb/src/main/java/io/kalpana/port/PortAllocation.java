package io.kalpana.port;

import io.kalpana.problem.KalpanaException;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The allocation algorithm: walk the range from where the last grant stopped, skip ports this instance
 * knows are leased or that another program holds, and let the store's unique key settle races with
 * other instances. Not thread-safe on its own: {@link PortAllocator} serialises calls.
 */
public class PortAllocation {

    private static final Logger LOG = Logger.getLogger(PortAllocation.class.getName());

    private final PortRange range;
    private final PortLeaseStore store;
    private final HostPortProbe probe;
    private final Clock clock;
    private final Set<HostPort> knownLeased = new HashSet<>();
    private HostPort cursor;

    public PortAllocation(PortRange range, PortLeaseStore store, HostPortProbe probe, Clock clock) {
        this.range = range;
        this.store = store;
        this.probe = probe;
        this.clock = clock;
        this.cursor = range.first();
    }

    /** Forgets what it believed and reads the leases again, picking up grants and releases of other instances. */
    public void reload() {
        knownLeased.clear();
        store.all().forEach(lease -> knownLeased.add(lease.port()));
    }

    /** The workspace's ports: the ones it holds already, or two newly leased ones. */
    public PortPair allocate(String workspaceId, String owner) {
        Optional<PortPair> held = heldBy(workspaceId);
        if (held.isPresent()) {
            return held.get();
        }
        HostPort ide = leaseOne(workspaceId, owner, PortPurpose.IDE);
        try {
            return new PortPair(ide, leaseOne(workspaceId, owner, PortPurpose.BRIDGE));
        } catch (RuntimeException e) {
            release(workspaceId);
            throw e;
        }
    }

    public void release(String workspaceId) {
        store.leasesOf(workspaceId).forEach(lease -> knownLeased.remove(lease.port()));
        store.releaseWorkspace(workspaceId);
    }

    public Optional<PortPair> heldBy(String workspaceId) {
        List<PortLease> leases = store.leasesOf(workspaceId);
        HostPort ide = null;
        HostPort bridge = null;
        for (PortLease lease : leases) {
            if (lease.purpose() == PortPurpose.IDE) {
                ide = lease.port();
            } else {
                bridge = lease.port();
            }
        }
        if (ide != null && bridge != null) {
            return Optional.of(new PortPair(ide, bridge));
        }
        if (!leases.isEmpty()) {
            // Half a pair is left over from a crash between the two grants: start again cleanly.
            release(workspaceId);
        }
        return Optional.empty();
    }

    public List<PortLease> leases() {
        return store.all();
    }

    public PortCapacity capacity() {
        List<PortLease> leases = store.all();
        Map<String, Integer> byOwner = new TreeMap<>();
        int inRange = 0;
        for (PortLease lease : leases) {
            if (range.contains(lease.port())) {
                inRange++;
                byOwner.merge(lease.owner(), 1, Integer::sum);
            }
        }
        return new PortCapacity(range, range.size(), inRange, range.size() - inRange, byOwner);
    }

    private HostPort leaseOne(String workspaceId, String owner, PortPurpose purpose) {
        Optional<HostPort> granted = scan(workspaceId, owner, purpose);
        if (granted.isEmpty()) {
            reload();
            granted = scan(workspaceId, owner, purpose);
        }
        return granted.orElseThrow(this::exhausted);
    }

    private Optional<HostPort> scan(String workspaceId, String owner, PortPurpose purpose) {
        HostPort candidate = cursor;
        for (int tried = 0; tried < range.size(); tried++) {
            HostPort port = candidate;
            candidate = range.next(candidate);
            if (knownLeased.contains(port) || !probe.isFree(port)) {
                continue;
            }
            if (store.tryInsert(new PortLease(port, workspaceId, owner, purpose, clock.instant()))) {
                knownLeased.add(port);
                cursor = candidate;
                return Optional.of(port);
            }
            knownLeased.add(port);
            LOG.fine(() -> "workspace=" + workspaceId + " port " + port + " was leased by another instance");
        }
        return Optional.empty();
    }

    private KalpanaException exhausted() {
        int leased = capacity().leased();
        int busy = range.size() - leased;
        return KalpanaException.conflict("ports_exhausted", "No free host port is left in " + range + ": "
                + leased + " of " + range.size() + " are leased by workspaces"
                + (busy > 0 ? " and " + busy + " are held by other programs" : "")
                + ". Stop a workspace or widen kalpana.ports.range.");
    }
}
