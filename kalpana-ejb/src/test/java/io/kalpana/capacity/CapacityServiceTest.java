package io.kalpana.capacity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.kalpana.problem.KalpanaException;
import io.kalpana.runtime.ContainerUsage;
import io.kalpana.runtime.EngineInfo;
import io.kalpana.runtime.WorkspaceRuntime;
import io.kalpana.workspace.WorkspaceId;
import io.kalpana.workspace.WorkspaceStates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine part of the capacity view: Docker down is a reason to show, not a failure; answers are reused briefly. */
class CapacityServiceTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort() + "/?retryWrites=false");
    private final AtomicInteger engineCalls = new AtomicInteger();

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private CapacityService service(boolean dockerUp) {
        CapacityService service = new CapacityService();
        service.states = new WorkspaceStates(() -> client.getDatabase("kalpana"), Clock.systemUTC());
        service.runtime = (WorkspaceRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkspaceRuntime.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "engineInfo" -> {
                            engineCalls.incrementAndGet();
                            if (!dockerUp) {
                                throw KalpanaException.unavailable("docker_unavailable",
                                        "The Docker engine at unix:///nowhere is not reachable", null);
                            }
                            return new EngineInfo(8L << 30, 4, "28.2", 1);
                        }
                        case "usage" -> {
                            @SuppressWarnings("unchecked")
                            Collection<WorkspaceId> ids = (Collection<WorkspaceId>) args[0];
                            return ids.stream().collect(java.util.stream.Collectors.toMap(id -> id,
                                    id -> new ContainerUsage(id, 300L << 20, 2L << 30, 12.5)));
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
        return service;
    }

    @Test
    void dockerDownIsShownWithItsReason() {
        EngineView view = service(false).engine();
        assertTrue(view.engine().isEmpty());
        assertEquals("The Docker engine at unix:///nowhere is not reachable", view.unreachable().orElseThrow());
        assertEquals(Map.of(), view.usage());
    }

    @Test
    void runningWorkspacesAreMeasuredAndTheAnswerIsReusedForAFewSeconds() {
        WorkspaceId running = WorkspaceId.generate();
        client.getDatabase("kalpana").getCollection("workspaces").insertOne(new Document("_id", running.value()).append("status", "RUNNING"));
        client.getDatabase("kalpana").getCollection("workspaces").insertOne(new Document("_id", WorkspaceId.generate().value()).append("status", "STOPPED"));
        CapacityService service = service(true);
        EngineView first = service.engine();
        assertEquals(Map.of(running, new ContainerUsage(running, 300L << 20, 2L << 30, 12.5)), first.usage(),
                "only the running workspace is measured");
        assertEquals(300L << 20, first.totalMemoryBytes());
        assertEquals(first, service.engine(), "a second look within " + CapacityService.FRESH_FOR + " asks Docker nothing");
        assertEquals(1, engineCalls.get());
    }
}
