package io.kalpana.bridge.protocol;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {

    private final JsonCodec json = new JsonCodec();

    private BridgeRequest<?> roundTrip(BridgeRequest<?> request) {
        String wire = Messages.request(json.builders(), new RequestId("r1"), request);
        IncomingRequest incoming = IncomingRequest.fromJson(json.parseObject(wire));
        assertEquals("r1", incoming.id().value());
        assertEquals(request.op(), incoming.op());
        return Requests.decode(incoming);
    }

    @Test
    void requestsSurviveTheWire() {
        List<BridgeRequest<?>> requests = List.of(
                new HelloRequest(ProtocolVersion.CURRENT, "test", true),
                ReadRequest.lines("a.txt", 2, 5),
                ReadRequest.whole("b.bin"),
                WriteRequest.binary("c.bin", new byte[] {0, 1}),
                EditRequest.replace("d.txt", "x", "y"),
                EditRequest.insert("d.txt", 3, "z"),
                new ListRequest(WorkspacePath.of("src"), 2, Optional.of("*.java")),
                new SearchRequest("fo+", WorkspacePath.ROOT, Optional.empty(), true, 10),
                new StatRequest(WorkspacePath.of("e")),
                new DeleteRequest(WorkspacePath.of("f"), true),
                new MoveRequest(WorkspacePath.of("g"), WorkspacePath.of("h"), true),
                ExecRequest.of("ls").withCwd("src").withTimeout(Duration.ofSeconds(5))
                        .withEnvironment(Map.of("A", "1")).withOutputEncoding(ContentEncoding.BASE64).withStdinOpen(),
                new StdinRequest(new RequestId("x"), "data", true),
                SignalRequest.interrupt(new RequestId("x")),
                SignalRequest.kill(new RequestId("x")),
                new PingRequest(),
                new ActivityRequest());
        for (BridgeRequest<?> request : requests) {
            assertEquals(request, roundTrip(request), request.op().wireName());
        }
    }

    @Test
    void resultsSurviveTheWire() {
        ExecExit exit = new ExecExit(137, 1200, true, false, true, 99);
        String wire = Messages.event(json.builders(), new RequestId("r2"), MessageType.EXIT, exit);
        ServerMessage message = ServerMessage.fromJson(json.parseObject(wire));
        assertEquals(MessageType.EXIT, message.type());
        assertEquals(exit, ExecExit.fromJson(message.result()));

        HelloResult hello = new HelloResult(ProtocolVersion.CURRENT, "kalpana-bridge", List.of("a", "b"),
                new BridgeLimits(1, 2, 3, 4, 5, 6));
        assertEquals(hello, HelloResult.fromJson(hello.toJson(json.builders())));
    }

    @Test
    void errorsWithoutIdAreRepresentable() {
        String wire = Messages.error(json.builders(), null, new BridgeError(ErrorCode.MALFORMED_JSON, "bad"));
        ServerMessage message = ServerMessage.fromJson(json.parseObject(wire));
        assertTrue(message.id().isEmpty());
        assertEquals(ErrorCode.MALFORMED_JSON, message.error().code());
    }

    @Test
    void malformedInputIsAProtocolException() {
        assertEquals(ErrorCode.MALFORMED_JSON,
                assertThrows(ProtocolException.class, () -> json.parseObject("{")).code());
        assertEquals(ErrorCode.MALFORMED_JSON,
                assertThrows(ProtocolException.class, () -> json.parseObject("[]")).code());
        JsonObject unknownOp = json.parseObject("{\"id\":\"1\",\"op\":\"nope\"}");
        assertEquals(ErrorCode.UNKNOWN_OP,
                assertThrows(ProtocolException.class, () -> IncomingRequest.fromJson(unknownOp)).code());
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ProtocolException.class,
                () -> ReadRequest.fromJson(json.parseObject("{\"path\":1}"))).code());
    }
}
