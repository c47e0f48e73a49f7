package io.kalpana.bridge.it;

import io.kalpana.bridge.client.BridgeClient;
import io.kalpana.bridge.client.BridgeUnavailableException;
import io.kalpana.bridge.client.ExecHandle;
import io.kalpana.bridge.client.ExecListener;
import io.kalpana.bridge.protocol.ExecExit;
import io.kalpana.bridge.protocol.ExecRequest;
import io.kalpana.bridge.protocol.OutputChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.kalpana.bridge.it.Clients.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrencyIT {

    private static final int CLIENTS = 20;

    private static Path root;
    private static BridgeProcess bridge;

    @BeforeAll
    static void startBridge() throws Exception {
        root = Workspace.create("bridge-concurrency");
        bridge = BridgeProcess.start(root, "conc-token", BridgeProcess.env("KALPANA_BRIDGE_MAX_COMMANDS", "32"));
    }

    @AfterAll
    static void stopBridge() throws Exception {
        bridge.close();
        Workspace.delete(root);
    }

    @Test
    void twentyClientsWorkAtTheSameTime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<BridgeClient> clients = new ArrayList<>();
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                BridgeClient client = Clients.connect(bridge);
                clients.add(client);
                int n = i;
                runs.add(CompletableFuture.runAsync(() -> exercise(client, n), pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            for (int i = 0; i < CLIENTS; i++) {
                assertEquals("client " + i + " round 9", Files.readString(root.resolve("c" + i + "/file.txt")));
            }
        } finally {
            clients.forEach(BridgeClient::close);
            pool.shutdownNow();
        }
    }

    private static void exercise(BridgeClient client, int n) {
        String dir = "c" + n;
        for (int round = 0; round < 10; round++) {
            await(client.write(dir + "/file.txt", "client " + n + " round " + round));
            assertEquals("client " + n + " round " + round, await(client.read(dir + "/file.txt")).content());
        }
        StringBuilder out = new StringBuilder();
        ExecHandle exec = client.exec("echo from-" + n + "; sleep 0.2", new ExecListener() {
            @Override
            public synchronized void onOutput(OutputChannel channel, String data) {
                out.append(data);
            }
        });
        ExecExit exit = await(exec.exit());
        assertEquals(0, exit.exitCode());
        synchronized (exec) {
            assertTrue(out.toString().contains("from-" + n));
        }
        assertTrue(await(client.list(dir)).entries().size() >= 1);
    }

    @Test
    void aFloodingClientDoesNotStallOthers() throws Exception {
        try (BridgeClient flooder = Clients.connect(bridge); BridgeClient other = Clients.connect(bridge)) {
            await(other.connect());
            AtomicLong bytes = new AtomicLong();
            ExecHandle flood = flooder.exec(ExecRequest.of("head -c 50000000 /dev/urandom | base64"),
                    new ExecListener() {
                        @Override
                        public void onOutput(OutputChannel channel, String data) {
                            bytes.addAndGet(data.length());
                        }
                    });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (bytes.get() < 1_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(bytes.get() >= 1_000_000, "flood is streaming");
            // while the flood streams, another client's small requests stay fast
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                await(other.write("other.txt", "x" + i));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis < 2000, "write took " + millis + " ms during the flood");
            }
            await(flood.kill());
            await(flood.exit());
        }
    }

    @Test
    void clientReconnectsAfterBridgeRestart() throws Exception {
        Path restartRoot = Workspace.create("bridge-restart");
        BridgeProcess restartable = BridgeProcess.start(restartRoot, "restart-token", BridgeProcess.env());
        try (BridgeClient client = Clients.connect(restartable)) {
            await(client.write("before.txt", "1"));
            CompletableFuture<ExecExit> inFlight = client.exec("sleep 30", ExecListener.IGNORE).exit();
            long oldPid = restartable.pid();
            restartable.stop();
            BridgeUnavailableException dropped = assertThrows(BridgeUnavailableException.class,
                    () -> await(inFlight));
            assertTrue(dropped.getMessage().contains("closed"), dropped.getMessage());

            restartable.launch();
            assertTrue(restartable.pid() != oldPid);
            assertEquals("1", await(client.read("before.txt")).content(), "same client works again");
            assertTrue(client.isConnected());
        } finally {
            restartable.close();
            Workspace.delete(restartRoot);
        }
    }

    @Test
    void requestsDuringRestartWaitForTheBridgeWithinTheirTimeout() throws Exception {
        Path restartRoot = Workspace.create("bridge-restart2");
        BridgeProcess restartable = BridgeProcess.start(restartRoot, "restart-token", BridgeProcess.env());
        try (BridgeClient client = Clients.connect(restartable)) {
            await(client.ping());
            restartable.stop();
            // a request racing with the drop may go out on the dying connection and fail (never replayed);
            // this test is about requests issued once the client knows the bridge is gone
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            CompletableFuture<?> pending = client.write("during.txt", "2");
            Thread.sleep(500);
            restartable.launch();
            await(pending);
            assertEquals("2", Files.readString(restartRoot.resolve("during.txt")));
        } finally {
            restartable.close();
            Workspace.delete(restartRoot);
        }
    }

    @Test
    void unreachableBridgeFailsWithUnavailable() throws Exception {
        Path emptyRoot = Workspace.create("bridge-none");
        BridgeProcess gone = BridgeProcess.start(emptyRoot, "t", BridgeProcess.env());
        gone.close();
        try (BridgeClient client = new BridgeClient(io.kalpana.bridge.client.BridgeClientConfig.of(gone.uri(), "t")
                .withRequestTimeout(java.time.Duration.ofSeconds(1)), Clients.container())) {
            assertThrows(BridgeUnavailableException.class, () -> await(client.ping()));
        } finally {
            Workspace.delete(emptyRoot);
        }
    }
}
