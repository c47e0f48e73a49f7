package io.kalpana.config;

import io.kalpana.port.PortRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Typed access to Kalpana's settings. Values come from MicroProfile Config; their defaults are in
 * {@code META-INF/microprofile-config.properties} so that there is one list to read.
 */
@ApplicationScoped
public class KalpanaConfig {

    @Inject
    @ConfigProperty(name = "kalpana.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "kalpana.mongodb.uri")
    Optional<String> mongodbUri;

    @Inject
    @ConfigProperty(name = "kalpana.mongodb.database")
    String mongodbDatabase;

    @Inject
    @ConfigProperty(name = "kalpana.ports.range")
    String portRange;

    @Inject
    @ConfigProperty(name = "kalpana.ports.bind-address")
    String portBindAddress;

    @Inject
    @ConfigProperty(name = "kalpana.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "kalpana.auth.token-lifetime")
    Duration tokenLifetime;

    @Inject
    @ConfigProperty(name = "kalpana.auth.token-issuer")
    String tokenIssuer;

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath();
    }

    public Optional<String> mongodbUri() {
        return mongodbUri.filter(uri -> !uri.isBlank());
    }

    public String mongodbDatabase() {
        return mongodbDatabase;
    }

    public PortRange portRange() {
        return PortRange.parse(portRange);
    }

    public String portBindAddress() {
        return portBindAddress;
    }

    public Optional<String> adminPassword() {
        return adminPassword.filter(password -> !password.isBlank());
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public String tokenIssuer() {
        return tokenIssuer;
    }
}
