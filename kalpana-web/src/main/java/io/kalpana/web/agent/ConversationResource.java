package io.kalpana.web.agent;

import io.kalpana.agent.AgentService;
import io.kalpana.agent.Transcript;
import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.workspace.WorkspaceId;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/**
 * A workspace's agent conversation over plain HTTP, for scripts and for reading the stored transcript. The
 * live stream is the WebSocket /ws/agent/{id}; what is started here streams there too.
 */
@Path("workspaces/{id}/conversation")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    @Inject
    AgentService agents;

    @Inject
    Caller caller;

    public record MessageRequest(String text) {
    }

    public record ApprovalRequest(Boolean approved) {
    }

    @GET
    @Operation(summary = "The conversation with the agent about this workspace: every turn, tool call and result")
    public Transcript transcript(@PathParam("id") String id) {
        return agents.transcript(caller, new WorkspaceId(id));
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the agent a message; answers 202 at once, the turn streams on /ws/agent/{id}")
    public Response send(@PathParam("id") String id, MessageRequest request) {
        if (request == null || request.text() == null) {
            throw KalpanaException.invalid("missing_body", "Send {\"text\": \"your message to the agent\"}");
        }
        agents.send(caller, new WorkspaceId(id), request.text());
        return Response.accepted(Map.of("accepted", true)).build();
    }

    @POST
    @Path("cancel")
    @Operation(summary = "Stop the running turn: the model stream and any running command end at once")
    public Map<String, Boolean> cancel(@PathParam("id") String id) {
        return Map.of("cancelled", agents.cancel(caller, new WorkspaceId(id)));
    }

    @POST
    @Path("approvals/{approvalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or decline a command that waits for approval")
    public Response answer(@PathParam("id") String id, @PathParam("approvalId") String approvalId,
                           ApprovalRequest request) {
        if (request == null || request.approved() == null) {
            throw KalpanaException.invalid("missing_body", "Send {\"approved\": true} or {\"approved\": false}");
        }
        agents.answer(caller, new WorkspaceId(id), approvalId, request.approved());
        return Response.noContent().build();
    }
}
