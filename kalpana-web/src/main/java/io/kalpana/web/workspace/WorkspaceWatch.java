package io.kalpana.web.workspace;

import io.kalpana.json.JsonFactory;
import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceDirectory;
import io.kalpana.workspace.WorkspaceRow;
import io.kalpana.workspace.WorkspaceService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes status changes (and the reaper's warnings) of a person's workspaces to their open dashboards. It reads
 * the database rather than listening to in-process events, so changes made by another Kalpana instance on the same database
 * (or by the reaper, or the API) reach the page too.
 */
@ApplicationScoped
public class WorkspaceWatch {

    private static final Logger LOG = Logger.getLogger(WorkspaceWatch.class.getName());
    private static final long PERIOD_MILLIS = 1000;
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    @Inject
    WorkspaceService workspaces;

    @Inject
    WorkspaceDirectory directory;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<Username, Set<Session>> watchers = new ConcurrentHashMap<>();
    private final Map<Username, Map<String, Shown>> lastSeen = new ConcurrentHashMap<>();
    private final Set<Session> allWatchers = ConcurrentHashMap.newKeySet();
    private final Map<String, String> allSeen = new ConcurrentHashMap<>();
    private volatile Instant allSince;
    private volatile long allCount = -1;

    /** What the dashboard shows of one workspace; a change of any part is pushed. */
    private record Shown(String status, String reason, String warning) {
    }

    private ScheduledFuture<?> polling;

    @PostConstruct
    void start() {
        polling = scheduler.scheduleWithFixedDelay(this::pollAll, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    public void watch(Username username, Session session) {
        watchers.computeIfAbsent(username, any -> ConcurrentHashMap.newKeySet()).add(session);
        if (!lastSeen.containsKey(username)) {
            // The baseline is taken now, before the page's fingerprint is checked: left to the next poll, a change made
            // between that check and the poll would become the baseline and never reach the page.
            try {
                lastSeen.putIfAbsent(username, shownOf(workspacesOf(username)));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "workspace=* baseline for " + username + " not read; the next poll takes it", e);
            }
        }
    }

    public void unwatch(Username username, Session session) {
        watchers.computeIfPresent(username, (user, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
        if (!watchers.containsKey(username)) {
            lastSeen.remove(username);
        }
    }

    /** An administrator's console: every workspace's changes, found by their update time, not by listing all. */
    public void watchAll(Session session) {
        if (allWatchers.isEmpty()) {
            allSince = Instant.now(Clock.systemUTC()).minus(OVERLAP);
        }
        allWatchers.add(session);
    }

    public void unwatchAll(Session session) {
        allWatchers.remove(session);
        if (allWatchers.isEmpty()) {
            allSeen.clear();
            allCount = -1;
        }
    }

    private void pollAll() {
        if (!allWatchers.isEmpty()) {
            try {
                pollEveryWorkspace();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "workspace=* status poll for administrators failed", e);
            }
        }
        for (Map.Entry<Username, Set<Session>> entry : watchers.entrySet()) {
            try {
                poll(entry.getKey(), entry.getValue());
            } catch (RuntimeException e) {
                // A database hiccup must not end the polling for everyone; the next round tries again.
                LOG.log(Level.FINE, "workspace=* status poll for " + entry.getKey() + " failed", e);
            }
        }
    }

    /**
     * A digest of what a dashboard shows of these workspaces. The page sends the one it was rendered with when its
     * socket opens, so a change made between rendering and connecting is not missed (see {@link #isStale}).
     */
    public static int fingerprint(List<Workspace> shown) {
        return shownOf(shown).hashCode();
    }

    /** Whether the person's workspaces changed since a dashboard rendered them with {@code fingerprint}. */
    public boolean isStale(Username username, int fingerprint) {
        return fingerprint(workspacesOf(username)) != fingerprint;
    }

    /** What the person's dashboard lists, read as that person would. */
    private List<Workspace> workspacesOf(Username username) {
        return workspaces.listOwn(new Caller(username, Set.of(Role.USER)));
    }

    private static Map<String, Shown> shownOf(List<Workspace> list) {
        Map<String, Shown> shown = new HashMap<>();
        for (Workspace workspace : list) {
            shown.put(workspace.id().value(), new Shown(workspace.status().name(), workspace.statusReason().orElse(""),
                    workspace.warning().orElse("")));
        }
        return shown;
    }

    private void poll(Username username, Set<Session> sessions) {
        Map<String, Shown> now = shownOf(workspacesOf(username));
        Map<String, Shown> before = lastSeen.put(username, now);
        if (before == null || before.equals(now)) {
            return;
        }
        for (Map.Entry<String, Shown> change : now.entrySet()) {
            if (!Objects.equals(before.get(change.getKey()), change.getValue())) {
                Shown shown = change.getValue();
                LOG.fine(() -> "workspace=" + change.getKey() + " now " + shown.status() + ", telling " + username);
                broadcast(sessions, JsonFactory.object().add("type", "status").add("id", change.getKey())
                        .add("status", shown.status()).add("reason", shown.reason())
                        .add("warning", shown.warning()).build().toString());
            }
        }
        if (!now.keySet().containsAll(before.keySet())) {
            broadcast(sessions, JsonFactory.object().add("type", "removed").build().toString());
        }
    }

    /**
     * Reads the workspaces updated since the last round, minus an overlap that covers writes still in flight
     * when the last round read; the last status sent per workspace keeps the overlap from repeating messages.
     * Deletions change no document, so the count is compared too.
     */
    private void pollEveryWorkspace() {
        Instant round = Instant.now(Clock.systemUTC());
        for (WorkspaceRow row : directory.changedSince(allSince)) {
            String now = row.status() + "|" + row.statusReason().orElse("");
            String before = allSeen.put(row.id().value(), now);
            if (!now.equals(before)) {
                broadcast(allWatchers, JsonFactory.object().add("type", "status").add("id", row.id().value())
                        .add("owner", row.owner().value()).add("status", row.status().name())
                        .add("reason", row.statusReason().orElse("")).build().toString());
            }
        }
        allSince = round.minus(OVERLAP);
        long count = directory.count();
        if (allCount >= 0 && count != allCount) {
            broadcast(allWatchers, JsonFactory.object().add("type", "count").add("total", count).build().toString());
        }
        allCount = count;
    }

    private static void broadcast(Set<Session> sessions, String message) {
        for (Session session : sessions) {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(message);
            }
        }
    }
}
