package io.kalpana.web.agent;

import io.kalpana.agent.AgentService;
import io.kalpana.agent.ConversationView;
import io.kalpana.agent.LiveConversation;
import io.kalpana.identity.Caller;
import io.kalpana.identity.User;
import io.kalpana.identity.UserService;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A workspace's conversation in a browser tab: the history first, then every event live; the tab sends
 * messages, cancel and approvals. Only the owner and admins get in: {@link AgentSocketGate} refuses anyone else
 * with 404 before the upgrade; should a session get here anyway it is closed with 4404, the
 * WebSocket counterpart of the API's 404, so a foreign workspace id reveals nothing.
 */
@ServerEndpoint("/ws/agent/{workspaceId}")
public class AgentEndpoint {

    private static final Logger LOG = Logger.getLogger(AgentEndpoint.class.getName());
    static final CloseReason.CloseCode NOT_FOUND = CloseReason.CloseCodes.getCloseCode(4404);
    private static final String SOCKET = "kalpana.agent.socket";
    private static final String CALLER = "kalpana.agent.caller";
    private static final String CONVERSATION = "kalpana.agent.conversation";
    private static final int MAX_COMMAND_BYTES = 256 * 1024;

    @Inject
    AgentService agents;

    @Inject
    UserService users;

    @Inject
    AgentJson json;

    @Resource
    ManagedExecutorService executor;

    @OnOpen
    public void open(Session session, @PathParam("workspaceId") String workspaceId) throws IOException {
        session.setMaxTextMessageBufferSize(MAX_COMMAND_BYTES);
        Optional<Caller> caller = callerOf(session);
        if (caller.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
            return;
        }
        LiveConversation conversation;
        WorkspaceId id;
        try {
            id = new WorkspaceId(workspaceId);
            conversation = agents.conversation(caller.get(), id);
        } catch (KalpanaException e) {
            session.close(new CloseReason(NOT_FOUND, "There is no workspace '" + shorten(workspaceId) + "'"));
            return;
        }
        AgentSocket socket = new AgentSocket(session, id, json, executor);
        session.getUserProperties().put(SOCKET, socket);
        session.getUserProperties().put(CALLER, caller.get());
        session.getUserProperties().put(CONVERSATION, conversation);
        ConversationView view = conversation.subscribe(socket);
        socket.start(json.history(view), view.runningTurn());
        LOG.fine(() -> "workspace=" + id + " agent tab opened by " + caller.get().username());
    }

    @OnMessage
    public void message(Session session, String text) {
        AgentSocket socket = (AgentSocket) session.getUserProperties().get(SOCKET);
        Caller caller = (Caller) session.getUserProperties().get(CALLER);
        LiveConversation conversation = (LiveConversation) session.getUserProperties().get(CONVERSATION);
        if (socket == null) {
            return;
        }
        try {
            AgentCommand command = parse(text);
            String type = command.getType() == null ? "" : command.getType();
            switch (type) {
                case "send" -> conversation.send(caller.username(), command.getText());
                case "cancel" -> conversation.cancel(caller.username());
                case "approve" -> {
                    if (command.getId() == null || command.getApproved() == null) {
                        throw KalpanaException.invalid("bad_agent_command",
                                "An approval needs the 'id' of the command and 'approved' true or false");
                    }
                    conversation.answer(caller.username(), command.getId(), command.getApproved());
                }
                default -> throw KalpanaException.invalid("bad_agent_command",
                        "Unknown command type '" + shorten(type) + "'; use send, cancel or approve");
            }
        } catch (KalpanaException e) {
            socket.refuse(e.code(), e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "workspace=" + conversation.workspace() + " agent command failed", e);
            socket.refuse("agent_error", "The agent could not take this command: " + e.getMessage());
        }
    }

    @OnClose
    public void close(Session session) {
        forget(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "agent WebSocket failed", failure);
        forget(session);
    }

    private void forget(Session session) {
        AgentSocket socket = (AgentSocket) session.getUserProperties().remove(SOCKET);
        LiveConversation conversation = (LiveConversation) session.getUserProperties().remove(CONVERSATION);
        if (socket != null && conversation != null) {
            conversation.unsubscribe(socket);
        }
    }

    private AgentCommand parse(String text) {
        try {
            AgentCommand command = json.parse(text, AgentCommand.class);
            if (command == null) {
                throw KalpanaException.invalid("bad_agent_command", "Send a JSON object with a 'type'");
            }
            return command;
        } catch (JsonbException e) {
            throw KalpanaException.invalid("bad_agent_command",
                    "Send a JSON object like {\"type\":\"send\",\"text\":\"...\"}: " + e.getMessage());
        }
    }

    /** Roles come from the user record: a WebSocket session has no request to ask isUserInRole on. */
    private Optional<Caller> callerOf(Session session) {
        Principal principal = session.getUserPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        return users.find(new Username(principal.getName())).map(User::asCaller);
    }

    private static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
