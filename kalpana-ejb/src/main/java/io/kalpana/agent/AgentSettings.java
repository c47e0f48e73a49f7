package io.kalpana.agent;

import io.kalpana.config.KalpanaConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an agent needs from the configuration, as one value so tests and the web layer can build it without CDI.
 * {@link #toString()} leaves out the API key because settings end up in log lines.
 */
public record AgentSettings(String baseUrl, Optional<String> apiKey, String model, Duration requestTimeout,
                            int maxRetries, Duration retryBackoff, int maxSteps, Duration commandTimeout,
                            int toolOutputLimit, List<String> denyRules, List<String> confirmRules) {

    public AgentSettings {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, not " + maxSteps);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, not " + maxRetries);
        }
        denyRules = List.copyOf(denyRules);
        confirmRules = List.copyOf(confirmRules);
    }

    public static AgentSettings from(KalpanaConfig config) {
        return new AgentSettings(config.llmBaseUrl(), config.llmApiKey(), config.llmModel(), config.llmTimeout(),
                config.llmMaxRetries(), config.llmRetryBackoff(), config.agentMaxSteps(),
                config.agentCommandTimeout(), config.agentToolOutputLimit(), config.agentCommandsDeny(),
                config.agentCommandsConfirm());
    }

    public AgentSettings withBaseUrl(String value) {
        return new AgentSettings(value, apiKey, model, requestTimeout, maxRetries, retryBackoff, maxSteps,
                commandTimeout, toolOutputLimit, denyRules, confirmRules);
    }

    public AgentSettings withMaxSteps(int value) {
        return new AgentSettings(baseUrl, apiKey, model, requestTimeout, maxRetries, retryBackoff, value,
                commandTimeout, toolOutputLimit, denyRules, confirmRules);
    }

    public CommandPolicy commandPolicy() {
        return CommandPolicy.of(denyRules, confirmRules);
    }

    @Override
    public String toString() {
        return "AgentSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey.isPresent() ? "set" : "unset") + ", maxSteps=" + maxSteps + "]";
    }
}
