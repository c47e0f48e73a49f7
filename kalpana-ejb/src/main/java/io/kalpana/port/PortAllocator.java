package io.kalpana.port;

import io.kalpana.config.KalpanaConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Hands each starting workspace its pair of host ports. One instance per Kalpana, with writes serialised
 * by the container; the store's unique port key guards against other Kalpana instances.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
@Lock(LockType.WRITE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PortAllocator {

    private static final Logger LOG = Logger.getLogger(PortAllocator.class.getName());

    @Inject
    KalpanaConfig config;

    @Inject
    DocumentTemplate template;

    private PortAllocation allocation;
    private boolean loaded;

    @PostConstruct
    void init() {
        allocation = new PortAllocation(config.portRange(), new DocumentPortLeaseStore(template),
                new HostPortProbe(config.portBindAddress()), Clock.systemUTC());
    }

    public PortPair allocate(String workspaceId, String owner) {
        ensureLoaded();
        PortPair pair = allocation.allocate(workspaceId, owner);
        LOG.fine(() -> "workspace=" + workspaceId + " leased ports ide=" + pair.ide() + " bridge=" + pair.bridge());
        return pair;
    }

    public void release(String workspaceId) {
        ensureLoaded();
        allocation.release(workspaceId);
        LOG.fine(() -> "workspace=" + workspaceId + " released its ports");
    }

    public Optional<PortPair> heldBy(String workspaceId) {
        return allocation.heldBy(workspaceId);
    }

    @Lock(LockType.READ)
    public PortCapacity capacity() {
        return allocation.capacity();
    }

    /** The port map: every lease with the workspace and person holding it. */
    @Lock(LockType.READ)
    public List<PortLease> leases() {
        return allocation.leases();
    }

    /** Drops the leases of every workspace not in {@code holders}, e.g. after a crash left them behind. */
    public int releaseAllExcept(Set<String> holders) {
        ensureLoaded();
        int[] released = {0};
        allocation.leases().stream()
                .map(PortLease::workspaceId)
                .distinct()
                .filter(workspaceId -> !holders.contains(workspaceId))
                .forEach(workspaceId -> {
                    allocation.release(workspaceId);
                    released[0]++;
                    LOG.info(() -> "workspace=" + workspaceId + " had leases but is not running: released");
                });
        return released[0];
    }

    /** Lazily, so that Kalpana deploys and reports an unreachable database instead of failing to start. */
    private void ensureLoaded() {
        if (!loaded) {
            allocation.reload();
            loaded = true;
        }
    }
}
