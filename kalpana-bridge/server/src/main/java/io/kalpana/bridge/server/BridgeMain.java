package io.kalpana.bridge.server;

import io.kalpana.bridge.server.config.BridgeConfig;
import io.kalpana.bridge.server.config.ConfigurationException;
import io.kalpana.bridge.server.config.EnvironmentConfigLoader;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the bridge from environment variables; exit code 2 for bad configuration, 1 for start failure. */
public final class BridgeMain {

    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    private BridgeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        }
        Logger log = Logger.getLogger(BridgeMain.class.getName());
        BridgeConfig config;
        try {
            config = new EnvironmentConfigLoader(System.getenv()).load();
        } catch (ConfigurationException e) {
            System.err.println("kalpana-bridge: " + e.getMessage());
            System.exit(2);
            return;
        }
        BridgeServer server;
        try {
            server = new BridgeServer(config);
            server.start();
        } catch (Exception e) {
            log.log(Level.SEVERE, "kalpana-bridge failed to start", e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "bridge-shutdown"));
        // tests and supervisors wait for this exact line
        System.out.println("kalpana-bridge ready on " + config.bindAddress() + ":" + server.port()
                + " root=" + config.root());
        System.out.flush();
        stopped.await();
    }
}
