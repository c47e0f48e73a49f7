package io.kalpana.runtime;

import io.kalpana.workspace.WorkspaceLifecycle;
import io.kalpana.workspace.WorkspaceService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reconciles workspaces with Docker once when Kalpana deploys, and finishes the deletes it was in the middle
 * of when it went down. A missing engine or database only warns:
 * Kalpana must come up and report the problem rather than refuse to start.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconcileAtStartup {

    private static final Logger LOG = Logger.getLogger(ReconcileAtStartup.class.getName());

    @Inject
    WorkspaceLifecycle lifecycle;

    @Inject
    WorkspaceService workspaces;

    @PostConstruct
    void reconcile() {
        try {
            lifecycle.reconcile();
            workspaces.finishUnfinishedDeletes();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "workspace=* startup reconciliation skipped: " + e.getMessage()
                    + "; containers and statuses may disagree until Kalpana restarts with Docker reachable", e);
        }
    }
}
