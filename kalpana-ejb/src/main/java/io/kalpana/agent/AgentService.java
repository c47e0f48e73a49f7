package io.kalpana.agent;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.kalpana.audit.AuditLog;
import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.config.KalpanaConfig;
import io.kalpana.identity.Caller;
import io.kalpana.identity.Role;
import io.kalpana.identity.Username;
import io.kalpana.metrics.KalpanaMetrics;
import io.kalpana.problem.KalpanaException;
import io.kalpana.runtime.WorkspaceRuntime;
import io.kalpana.workspace.ActivitySignal;
import io.kalpana.workspace.Workspace;
import io.kalpana.workspace.WorkspaceActivity;
import io.kalpana.workspace.WorkspaceDeleted;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceSecretStore;
import io.kalpana.workspace.WorkspaceService;
import io.kalpana.workspace.WorkspaceStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's agent conversations, one per workspace, shared by every tab of its owner (and admins). Checks
 * ownership on every entry, builds the agent on the first message from the configuration and the workspace's
 * current bridge, audits tool calls and keeps the workspace from counting as idle while a turn runs.
 */
@ApplicationScoped
public class AgentService implements AgentTurnObserver {

    private static final Logger LOG = Logger.getLogger(AgentService.class.getName());
    /** How often a running turn tells the reaper the workspace is in use, also while one command runs long. */
    private static final long TURN_HEARTBEAT_SECONDS = 20;
    private static final int AUDITED_ARGUMENT_CHARS = 500;
    private static final Username SYSTEM = new Username("system");

    @Inject
    WorkspaceService workspaces;

    @Inject
    KalpanaMetrics metrics;

    @Inject
    WorkspaceSecretStore secrets;

    @Inject
    WorkspaceRuntime runtime;

    @Inject
    ConversationStore store;

    @Inject
    AuditLog audit;

    @Inject
    KalpanaConfig config;

    @Inject
    Event<WorkspaceActivity> activity;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<WorkspaceId, LiveConversation> live = new ConcurrentHashMap<>();
    private final Map<WorkspaceId, CurrentBridgeTools> bridges = new ConcurrentHashMap<>();
    private final Map<WorkspaceId, ScheduledFuture<?>> heartbeats = new ConcurrentHashMap<>();
    private volatile StreamingChatModel chatModel;

    /** The workspace's conversation, if the caller may see the workspace (404 otherwise, as everywhere). */
    public LiveConversation conversation(Caller caller, WorkspaceId id) {
        Workspace workspace = workspaces.get(caller, id);
        return live.computeIfAbsent(workspace.id(), this::load);
    }

    /** The stored transcript, the running turn included as far as it got. */
    public Transcript transcript(Caller caller, WorkspaceId id) {
        return conversation(caller, id).transcript();
    }

    public void send(Caller caller, WorkspaceId id, String message) {
        conversation(caller, id).send(caller.username(), message);
    }

    public boolean cancel(Caller caller, WorkspaceId id) {
        return conversation(caller, id).cancel(caller.username());
    }

    public void answer(Caller caller, WorkspaceId id, String approvalId, boolean approved) {
        conversation(caller, id).answer(caller.username(), approvalId, approved);
    }

    void forget(@Observes WorkspaceDeleted deleted) {
        WorkspaceId id = deleted.workspace();
        LiveConversation conversation = live.remove(id);
        if (conversation != null) {
            conversation.cancel(SYSTEM);
        }
        CurrentBridgeTools bridge = bridges.remove(id);
        if (bridge != null) {
            bridge.close();
        }
        store.delete(id);
        LOG.info(() -> "workspace=" + id + " conversation deleted with the workspace");
    }

    @Override
    public void turnStarted(Username user, WorkspaceId workspace) {
        activity.fire(WorkspaceActivity.now(workspace, ActivitySignal.AGENT_TURN));
        ScheduledFuture<?> heartbeat = scheduler.scheduleAtFixedRate(
                () -> activity.fire(WorkspaceActivity.now(workspace, ActivitySignal.AGENT_TURN)),
                TURN_HEARTBEAT_SECONDS, TURN_HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        ScheduledFuture<?> previous = heartbeats.put(workspace, heartbeat);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    @Override
    public void toolStarted(Username user, WorkspaceId workspace, ToolCall call) {
        String arguments = call.arguments() == null ? "" : call.arguments();
        audit.record(user, "agent.tool." + call.name(), "workspace:" + workspace,
                arguments.length() <= AUDITED_ARGUMENT_CHARS ? arguments
                        : arguments.substring(0, AUDITED_ARGUMENT_CHARS) + "…");
        activity.fire(WorkspaceActivity.now(workspace, ActivitySignal.BRIDGE_COMMAND));
        metrics.toolCalled(call.name());
    }

    @Override
    public void turnEnded(Username user, WorkspaceId workspace, TurnSummary summary) {
        ScheduledFuture<?> heartbeat = heartbeats.remove(workspace);
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        activity.fire(WorkspaceActivity.now(workspace, ActivitySignal.AGENT_TURN));
        metrics.agentTurnEnded(summary.outcome().name().toLowerCase(Locale.ROOT), summary.usage().input(),
                summary.usage().output());
    }

    @PreDestroy
    void stopAll() {
        live.values().forEach(conversation -> conversation.cancel(SYSTEM));
        heartbeats.values().forEach(heartbeat -> heartbeat.cancel(false));
        bridges.values().forEach(CurrentBridgeTools::close);
    }

    private LiveConversation load(WorkspaceId id) {
        AgentSettings settings = AgentSettings.from(config);
        Transcript stored = store.load(id).orElseGet(() -> new Transcript(id.value(), settings.model(), List.of()));
        return new LiveConversation(id, store, stored, conversation -> createAgent(conversation, settings), this);
    }

    private AgentConversation createAgent(LiveConversation conversation, AgentSettings settings) {
        WorkspaceId id = conversation.workspace();
        Workspace workspace = workspaces.get(systemCaller(), id);
        if (workspace.status() != WorkspaceStatus.RUNNING) {
            throw KalpanaException.conflict("workspace_not_running",
                    "Workspace '" + workspace.name() + "' is " + workspace.status() + "; start it to talk to the agent");
        }
        CurrentBridgeTools tools = bridges.computeIfAbsent(id, key -> new CurrentBridgeTools(
                () -> bridgeAddress(key), BridgeClient::create));
        WorkspaceContext context = new WorkspaceContext(id, workspace.template(), workspace.repoUrl(),
                topLevelFiles(tools, id));
        LOG.info(() -> "workspace=" + id + " agent ready with " + settings + ", continuing "
                + conversation.storedTurns().size() + " earlier turn(s)");
        return new AgentConversation(context, model(settings), tools, settings, conversation, executor,
                Clock.systemUTC(), conversation.storedTurns());
    }

    private StreamingChatModel model(AgentSettings settings) {
        StreamingChatModel model = chatModel;
        if (model == null) {
            model = ChatModels.openAiCompatible(settings);
            chatModel = model;
        }
        return model;
    }

    /** Looked up at every tool call: the workspace may have been stopped or restarted on new ports since. */
    private BridgeAddress bridgeAddress(WorkspaceId id) {
        Workspace workspace;
        try {
            workspace = workspaces.get(systemCaller(), id);
        } catch (KalpanaException e) {
            throw new WorkspaceUnreachableException("The workspace no longer exists", e);
        }
        if (workspace.status() != WorkspaceStatus.RUNNING || workspace.ports().isEmpty()) {
            throw new WorkspaceUnreachableException("Workspace '" + workspace.name() + "' is "
                    + workspace.status() + "; start it and ask again", null);
        }
        String token = secrets.of(id).map(known -> known.bridgeToken().value()).orElseThrow(() ->
                new WorkspaceUnreachableException("The bridge token of workspace '" + workspace.name()
                        + "' is unknown; restart the workspace", null));
        return new BridgeAddress(runtime.bridgeEndpoint(workspace.ports().get()), token);
    }

    private static List<String> topLevelFiles(WorkspaceTools tools, WorkspaceId id) {
        try {
            return tools.listFiles(".").paths().stream().filter(path -> path.indexOf('/') < 0
                    || path.indexOf('/') == path.length() - 1).limit(50).toList();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "workspace=" + id + " top-level files not listed for the system prompt", e);
            return List.of();
        }
    }

    /** The agent's own lookups; the caller was checked when the conversation was opened. */
    private static Caller systemCaller() {
        return new Caller(SYSTEM, EnumSet.of(Role.ADMIN));
    }
}
