package io.kalpana.workspace;

import io.kalpana.audit.AuditLog;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.reaper.CountingRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A delete cut short by Kalpana going down is told from a cut-short stop, and is finished rather than undone. */
class UnfinishedDeleteTest {

    private final WorkspaceDocuments documents = new WorkspaceDocuments();
    private final WorkspaceStates states = new WorkspaceStates(documents::database, Clock.systemUTC());
    private final CountingRuntime runtime = new CountingRuntime();
    private final WorkspaceLifecycle lifecycle = ReaperTestWiring.lifecycle(documents::database, runtime,
            new InMemoryPortAllocator(), new AuditLog() {
                @Override
                public void record(Username actor, String action, String target, String detail) {
                    // not under test
                }
            }, null);

    @AfterEach
    void tearDown() {
        documents.close();
    }

    @Test
    void onlyAClaimedDeleteThatNeitherFinishedNorFailedIsUnfinished() {
        WorkspaceId deleting = documents.insert("deleting", WorkspaceStatus.STOPPED).id();
        assertTrue(states.beginDelete(deleting).isPresent());
        WorkspaceId stopping = documents.insert("stopping", WorkspaceStatus.RUNNING).id();
        assertTrue(states.beginStop(stopping).isPresent());
        WorkspaceId failed = documents.insert("failed", WorkspaceStatus.STOPPED).id();
        assertTrue(states.beginDelete(failed).isPresent());
        assertTrue(states.markError(failed, Set.of(WorkspaceStatus.STOPPING), "The workspace could not be deleted"));

        assertEquals(Set.of(deleting), states.unfinishedDeletes());
        assertTrue(states.beginStart(failed), "a failed delete leaves an ordinary ERROR");
        assertTrue(states.beginStop(failed).isPresent());
        assertEquals(Set.of(deleting), states.unfinishedDeletes(), "a stop after a failed delete is no delete");
    }

    @Test
    void reconcileStopsACutShortStopAndLeavesACutShortDeleteToBeFinished() {
        WorkspaceId deleting = documents.insert("deleting", WorkspaceStatus.STOPPED).id();
        states.beginDelete(deleting);
        WorkspaceId stopping = documents.insert("stopping", WorkspaceStatus.RUNNING).id();
        states.beginStop(stopping);

        WorkspaceLifecycle.Reconciliation result = lifecycle.reconcile();

        assertEquals(1, result.workspacesStopped(), result.toString());
        assertEquals("STOPPED", documents.document(stopping).getString("status"));
        assertEquals(WorkspaceLifecycle.INTERRUPTED_AT_STARTUP, documents.document(stopping).getString("statusReason"));
        assertEquals(Optional.of(WorkspaceStatus.STOPPING), states.statusOf(deleting), "the delete stays claimed");
        assertEquals(Set.of(deleting), lifecycle.unfinishedDeletes());

        lifecycle.resumeDelete(deleting);
        assertEquals(Set.of(deleting), runtime.deletedVolumes, "the volume of the workspace being deleted goes");
        assertEquals("workspace_busy", assertThrows(KalpanaException.class, () -> lifecycle.resumeDelete(stopping)).code(),
                "a workspace nobody is deleting is not deleted");
        assertEquals(Set.of(deleting), runtime.deletedVolumes);
    }
}
