package io.kalpana.workspace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StartNotesTest {

    private final WorkspaceId workspace = new WorkspaceId("aaaaaaaaaaaa");

    @Test
    void notesWrittenWhileAnotherIsBeingWrittenCollapseIntoTheLatest() {
        List<Runnable> queued = new ArrayList<>();
        List<String> written = new CopyOnWriteArrayList<>();
        StartNotes notes = new StartNotes(workspace, queued::add, written::add);

        notes.note("reserving ports");
        notes.note("creating the container");
        notes.note("starting the container");
        assertEquals(1, queued.size(), "one writer at a time");
        queued.remove(0).run();
        assertEquals(List.of("starting the container"), written, "only the latest note is written");

        notes.note("waiting for VS Code to answer");
        queued.remove(0).run();
        assertEquals(List.of("starting the container", "waiting for VS Code to answer"), written);
    }

    @Test
    void aFailedWriteNeitherReachesTheStartNorStopsLaterNotes() {
        List<String> written = new ArrayList<>();
        StartNotes notes = new StartNotes(workspace, Runnable::run, note -> {
            if (note.equals("broken")) {
                throw new IllegalStateException("database down");
            }
            written.add(note);
        });
        notes.note("broken");
        notes.note("fine");
        assertEquals(List.of("fine"), written);
    }

    @Test
    void aRefusingExecutorLosesTheNoteButNotTheStart() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("shutting down");
        };
        List<String> written = new ArrayList<>();
        StartNotes notes = new StartNotes(workspace, refusing, written::add);
        notes.note("reserving ports");
        notes.note("creating the container");
        assertEquals(List.of(), written);
    }
}
