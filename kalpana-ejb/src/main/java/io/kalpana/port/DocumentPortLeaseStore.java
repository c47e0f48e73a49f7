package io.kalpana.port;

import io.kalpana.store.DuplicateKey;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

import java.util.List;

/** Leases kept as JNoSQL documents in MongoDB. */
public class DocumentPortLeaseStore implements PortLeaseStore {

    private final DocumentTemplate template;

    public DocumentPortLeaseStore(DocumentTemplate template) {
        this.template = template;
    }

    @Override
    public boolean tryInsert(PortLease lease) {
        try {
            template.insert(lease);
            return true;
        } catch (RuntimeException e) {
            if (DuplicateKey.isCauseOf(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<PortLease> leasesOf(String workspaceId) {
        return template.select(PortLease.class).where("workspaceId").eq(workspaceId).result();
    }

    @Override
    public List<PortLease> all() {
        return template.select(PortLease.class).result();
    }

    @Override
    public void releaseWorkspace(String workspaceId) {
        template.delete(PortLease.class).where("workspaceId").eq(workspaceId).execute();
    }

    @Override
    public void release(HostPort port) {
        template.delete(PortLease.class, port.number());
    }
}
