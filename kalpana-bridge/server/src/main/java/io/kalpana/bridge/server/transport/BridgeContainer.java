package io.kalpana.bridge.server.transport;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Tyrus on Grizzly, like Tyrus' own GrizzlyServerContainer but binding to a chosen address (the stock one
 * always binds 0.0.0.0) and with small thread pools: the bridge hands real work to its own executors.
 */
public final class BridgeContainer extends TyrusServerContainer {

    private final String host;
    private final WebSocketEngine engine;
    private HttpServer server;
    private NetworkListener listener;
    private String contextPath = "/";

    public BridgeContainer(String host, int incomingBufferSize) {
        super(Set.<Class<?>>of());
        this.host = host;
        this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(incomingBufferSize).build();
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
        engine.register(serverEndpointConfig, contextPath);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    @Override
    public void start(String rootPath, int port) throws IOException, DeploymentException {
        contextPath = rootPath;
        server = new HttpServer();
        listener = new NetworkListener("kalpana-bridge", host, port);
        TCPNIOTransportBuilder transport = TCPNIOTransportBuilder.newInstance();
        transport.setSelectorRunnersCount(1);
        transport.setSelectorThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("bridge-selector").setCorePoolSize(1).setMaxPoolSize(1).setDaemon(false));
        transport.setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("bridge-io").setCorePoolSize(2).setMaxPoolSize(8));
        transport.setIOStrategy(WorkerThreadIOStrategy.getInstance());
        listener.setTransport(transport.build());
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(new WebSocketAddOn(this, contextPath));
        server.addListener(listener);
        server.start();
        super.start(rootPath, port);
    }

    @Override
    public int getPort() {
        return listener == null ? -1 : listener.getPort();
    }

    @Override
    public void stop() {
        super.stop();
        if (server != null) {
            server.shutdownNow();
        }
    }
}
