package io.kalpana.config;

import io.kalpana.port.PortRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
    @ConfigProperty(name = "kalpana.public-url")
    Optional<String> publicUrl;

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

    @Inject
    @ConfigProperty(name = "kalpana.auth.mode")
    String authMode;

    @Inject
    @ConfigProperty(name = "kalpana.auth.roles-claim")
    String rolesClaim;

    @Inject
    @ConfigProperty(name = "kalpana.auth.admin-groups")
    Optional<String> adminGroups;

    @Inject
    @ConfigProperty(name = "kalpana.auth.user-groups")
    Optional<String> userGroups;

    @Inject
    @ConfigProperty(name = "kalpana.oidc.provider-uri")
    Optional<String> oidcProviderUri;

    @Inject
    @ConfigProperty(name = "kalpana.oidc.client-id")
    String oidcClientId;

    @Inject
    @ConfigProperty(name = "kalpana.oidc.client-secret")
    Optional<String> oidcClientSecret;

    @Inject
    @ConfigProperty(name = "kalpana.oidc.scopes")
    String oidcScopes;

    @Inject
    @ConfigProperty(name = "kalpana.oidc.api-audience")
    String oidcApiAudience;

    @Inject
    @ConfigProperty(name = "kalpana.oidc.username-claim")
    String oidcUsernameClaim;

    @Inject
    @ConfigProperty(name = "kalpana.docker.host")
    String dockerHost;

    @Inject
    @ConfigProperty(name = "kalpana.docker.connect-timeout")
    Duration dockerConnectTimeout;

    @Inject
    @ConfigProperty(name = "kalpana.docker.response-timeout")
    Duration dockerResponseTimeout;

    @Inject
    @ConfigProperty(name = "kalpana.workspace.image")
    String workspaceImage;

    @Inject
    @ConfigProperty(name = "kalpana.workspace.memory")
    String workspaceMemory;

    @Inject
    @ConfigProperty(name = "kalpana.workspace.cpus")
    String workspaceCpus;

    @Inject
    @ConfigProperty(name = "kalpana.workspace.pids")
    long workspacePids;

    @Inject
    @ConfigProperty(name = "kalpana.workspace.start-timeout")
    Duration workspaceStartTimeout;

    @Inject
    @ConfigProperty(name = "kalpana.workspace.concurrent-starts")
    int workspaceConcurrentStarts;

    @Inject
    @ConfigProperty(name = "kalpana.workspace.clone-timeout")
    Duration workspaceCloneTimeout;

    @Inject
    @ConfigProperty(name = "kalpana.workspace.ide-host")
    String ideHost;

    @Inject
    @ConfigProperty(name = "kalpana.workspace.callback-url")
    Optional<String> workspaceCallbackUrl;

    @Inject
    @ConfigProperty(name = "kalpana.credentials.key")
    Optional<String> credentialsKey;

    @Inject
    @ConfigProperty(name = "kalpana.metrics.token")
    Optional<String> metricsToken;

    @Inject
    @ConfigProperty(name = "kalpana.admin.sample-interval")
    Duration adminSampleInterval;

    @Inject
    @ConfigProperty(name = "kalpana.llm.base-url")
    String llmBaseUrl;

    @Inject
    @ConfigProperty(name = "kalpana.llm.api-key")
    Optional<String> llmApiKey;

    @Inject
    @ConfigProperty(name = "kalpana.llm.model")
    String llmModel;

    @Inject
    @ConfigProperty(name = "kalpana.llm.timeout")
    Duration llmTimeout;

    @Inject
    @ConfigProperty(name = "kalpana.llm.max-retries")
    int llmMaxRetries;

    @Inject
    @ConfigProperty(name = "kalpana.llm.retry-backoff")
    Duration llmRetryBackoff;

    @Inject
    @ConfigProperty(name = "kalpana.agent.max-steps")
    int agentMaxSteps;

    @Inject
    @ConfigProperty(name = "kalpana.agent.command-timeout")
    Duration agentCommandTimeout;

    @Inject
    @ConfigProperty(name = "kalpana.agent.tool-output-limit")
    int agentToolOutputLimit;

    @Inject
    @ConfigProperty(name = "kalpana.agent.commands.deny")
    Optional<String> agentCommandsDeny;

    @Inject
    @ConfigProperty(name = "kalpana.agent.commands.confirm")
    Optional<String> agentCommandsConfirm;

    @Inject
    @ConfigProperty(name = "kalpana.reaper.idle-timeout")
    String reaperIdleTimeout;

    @Inject
    @ConfigProperty(name = "kalpana.reaper.warn-before")
    String reaperWarnBefore;

    @Inject
    @ConfigProperty(name = "kalpana.reaper.max-lifetime")
    Optional<String> reaperMaxLifetime;

    @Inject
    @ConfigProperty(name = "kalpana.reaper.stopped-retention")
    Optional<String> reaperStoppedRetention;

    @Inject
    @ConfigProperty(name = "kalpana.reaper.sweep-interval")
    Duration reaperSweepInterval;

    @Inject
    @ConfigProperty(name = "kalpana.quota.max-running")
    int quotaMaxRunning;

    @Inject
    @ConfigProperty(name = "kalpana.quota.max-total")
    int quotaMaxTotal;

    /** Host name browsers use to reach published IDE ports. */
    public String ideHost() {
        return ideHost;
    }

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath();
    }

    /** Kalpana's address as browsers reach it, without a trailing slash; empty when each request tells it. */
    public Optional<PublicUrl> publicUrl() {
        return publicUrl.filter(url -> !url.isBlank()).map(PublicUrl::parse);
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

    public AuthMode authMode() {
        return AuthMode.parse(authMode);
    }

    /** The claim of the identity provider's tokens that lists a person's groups or roles. */
    public String rolesClaim() {
        return rolesClaim;
    }

    public List<String> adminGroups() {
        return commaList(adminGroups);
    }

    public List<String> userGroups() {
        return commaList(userGroups);
    }

    /** The OpenID provider's issuer URI; required when {@link #authMode()} is OIDC. */
    public Optional<String> oidcProviderUri() {
        return oidcProviderUri.filter(uri -> !uri.isBlank());
    }

    public String oidcClientId() {
        return oidcClientId;
    }

    /** Secret: for the token endpoint only, never for a log line or a page. */
    public Optional<String> oidcClientSecret() {
        return oidcClientSecret.filter(secret -> !secret.isBlank());
    }

    public String oidcScopes() {
        return oidcScopes;
    }

    public String oidcApiAudience() {
        return oidcApiAudience;
    }

    public String oidcUsernameClaim() {
        return oidcUsernameClaim;
    }

    public String dockerHost() {
        return dockerHost;
    }

    public Duration dockerConnectTimeout() {
        return dockerConnectTimeout;
    }

    public Duration dockerResponseTimeout() {
        return dockerResponseTimeout;
    }

    public String workspaceImage() {
        return workspaceImage;
    }

    /** Docker notation such as {@code 2g}; parsed where it is used so a typo names the key. */
    public String workspaceMemory() {
        return workspaceMemory;
    }

    /** A decimal number of CPUs such as {@code 2} or {@code 1.5}. */
    public String workspaceCpus() {
        return workspaceCpus;
    }

    public long workspacePids() {
        return workspacePids;
    }

    public Duration workspaceStartTimeout() {
        return workspaceStartTimeout;
    }

    /** How many workspaces this instance starts at once; 0 means one per processor, at least two. */
    public int workspaceConcurrentStarts() {
        return workspaceConcurrentStarts > 0 ? workspaceConcurrentStarts
                : Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    public Duration workspaceCloneTimeout() {
        return workspaceCloneTimeout;
    }

    /** Where workspace containers reach Kalpana; empty: derived from Kalpana's own HTTP port. */
    public Optional<String> workspaceCallbackUrl() {
        return workspaceCallbackUrl.filter(url -> !url.isBlank()).map(String::strip);
    }

    /** Secret: the base64 AES key of stored Git credentials; empty means a key generated into the data dir. */
    public Optional<String> credentialsKey() {
        return credentialsKey.filter(key -> !key.isBlank());
    }

    /** Secret: the bearer token a Prometheus scraper sends for /api/v1/admin/metrics; empty: admins' tokens only. */
    public Optional<String> metricsToken() {
        return metricsToken.filter(token -> !token.isBlank());
    }

    /** How often the capacity chart is sampled; at least 10 seconds, so a typo cannot make Docker busy. */
    public Duration adminSampleInterval() {
        return adminSampleInterval.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : adminSampleInterval;
    }

    public String llmBaseUrl() {
        return llmBaseUrl;
    }

    /** Secret: hand it to the HTTP client only, never to a log line or an API response. */
    public Optional<String> llmApiKey() {
        return llmApiKey.filter(key -> !key.isBlank());
    }

    public String llmModel() {
        return llmModel;
    }

    public Duration llmTimeout() {
        return llmTimeout;
    }

    public int llmMaxRetries() {
        return llmMaxRetries;
    }

    public Duration llmRetryBackoff() {
        return llmRetryBackoff;
    }

    public int agentMaxSteps() {
        return agentMaxSteps;
    }

    public Duration agentCommandTimeout() {
        return agentCommandTimeout;
    }

    public int agentToolOutputLimit() {
        return agentToolOutputLimit;
    }

    public List<String> agentCommandsDeny() {
        return commaList(agentCommandsDeny);
    }

    public List<String> agentCommandsConfirm() {
        return commaList(agentCommandsConfirm);
    }

    /** Text, not Duration: the live settings parse it so that a bad value names its key. */
    public String reaperIdleTimeout() {
        return reaperIdleTimeout;
    }

    public String reaperWarnBefore() {
        return reaperWarnBefore;
    }

    public Optional<String> reaperMaxLifetime() {
        return reaperMaxLifetime.filter(value -> !value.isBlank());
    }

    public Optional<String> reaperStoppedRetention() {
        return reaperStoppedRetention.filter(value -> !value.isBlank());
    }

    public Duration reaperSweepInterval() {
        return reaperSweepInterval;
    }

    public int quotaMaxRunning() {
        return quotaMaxRunning;
    }

    public int quotaMaxTotal() {
        return quotaMaxTotal;
    }

    /**
     * Splits a MicroProfile Config list value ({@code a,b}, with {@code \,} for a literal comma) by hand:
     * Payara cannot inject {@code Optional<List<String>>}.
     */
    static List<String> commaList(Optional<String> value) {
        return value.stream()
                .flatMap(text -> Arrays.stream(text.split("(?<!\\\\),")))
                .map(item -> item.replace("\\,", ",").strip())
                .filter(item -> !item.isEmpty())
                .toList();
    }
}
