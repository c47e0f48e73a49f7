package io.kalpana.bridge.protocol;

/** Maps an incoming envelope to the typed request of its operation. */
public final class Requests {

    private Requests() {
    }

    public static BridgeRequest<?> decode(IncomingRequest incoming) {
        var json = incoming.json();
        return switch (incoming.op()) {
            case HELLO -> HelloRequest.fromJson(json);
            case PING -> new PingRequest();
            case ACTIVITY -> new ActivityRequest();
            case READ -> ReadRequest.fromJson(json);
            case WRITE -> WriteRequest.fromJson(json);
            case EDIT -> EditRequest.fromJson(json);
            case LIST -> ListRequest.fromJson(json);
            case SEARCH -> SearchRequest.fromJson(json);
            case STAT -> StatRequest.fromJson(json);
            case DELETE -> DeleteRequest.fromJson(json);
            case MOVE -> MoveRequest.fromJson(json);
            case EXEC -> ExecRequest.fromJson(json);
            case STDIN -> StdinRequest.fromJson(json);
            case INTERRUPT, KILL -> SignalRequest.fromJson(incoming.op(), json);
        };
    }
}
