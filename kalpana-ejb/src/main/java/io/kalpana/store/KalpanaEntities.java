package io.kalpana.store;

import io.kalpana.audit.AuditEvent;
import io.kalpana.identity.User;
import io.kalpana.port.PortLease;
import io.kalpana.workspace.Workspace;
import jakarta.data.repository.DataRepository;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;

import java.util.Set;
import java.util.logging.Logger;

/**
 * The entities Kalpana stores, named to JNoSQL instead of found by its default scanner, which reads every class on the
 * class path with ClassGraph: about 16 s of each deployment on Payara Micro, and more on a busy machine. The WAR
 * registers it in its own classes, which the ServiceLoader reads first; where JNoSQL's scanner comes first (an EAR
 * with JNoSQL in its lib/), that one scans and finds the same classes. Kalpana has no JNoSQL repositories.
 */
public final class KalpanaEntities implements ClassScanner {

    static final Set<Class<?>> ENTITIES = Set.of(Workspace.class, User.class, AuditEvent.class, PortLease.class);

    public KalpanaEntities() {
        Logger.getLogger(KalpanaEntities.class.getName()).info(() -> "workspace=* JNoSQL entities named, no class-path"
                + " scan: " + ENTITIES.stream().map(Class::getSimpleName).sorted().toList());
    }

    @Override
    public Set<Class<?>> entities() {
        return ENTITIES;
    }

    @Override
    public Set<Class<?>> repositories() {
        return Set.of();
    }

    @Override
    public Set<Class<?>> embeddables() {
        return Set.of();
    }

    @Override
    public <T extends DataRepository<?, ?>> Set<Class<?>> repositories(Class<T> filter) {
        return Set.of();
    }

    @Override
    public Set<Class<?>> repositoriesStandard() {
        return Set.of();
    }

    @Override
    public Set<Class<?>> customRepositories() {
        return Set.of();
    }
}
