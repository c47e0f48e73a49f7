package io.kalpana.agent;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Turns what the model client threw into a failure a person can act on, and says which ones a retry may fix. */
final class ModelFailures {

    private final AgentSettings settings;

    ModelFailures(AgentSettings settings) {
        this.settings = settings;
    }

    /** Rate limits and server errors pass; a bad key, a missing model or a bad request will not get better. */
    boolean isRetryable(Throwable failure) {
        return find(failure, RateLimitException.class).isPresent()
                || find(failure, InternalServerException.class).isPresent()
                || status(failure).map(code -> code == 429 || code >= 500).orElse(false);
    }

    AgentFailure describe(Throwable failure, int attempts) {
        int status = status(failure).orElse(0);
        String endpoint = settings.baseUrl();
        if (find(failure, AuthenticationException.class).isPresent() || status == 401 || status == 403) {
            return new AgentFailure("llm_auth", "The model endpoint " + endpoint + " refused the API key (HTTP "
                    + (status == 0 ? 401 : status) + "). Check kalpana.llm.api-key.");
        }
        if (find(failure, RateLimitException.class).isPresent() || status == 429) {
            return new AgentFailure("llm_rate_limited", "The model endpoint is rate limiting requests (HTTP 429) and"
                    + " still was after " + attempts + " attempts. Try again in a minute.");
        }
        if (find(failure, ModelNotFoundException.class).isPresent() || status == 404) {
            return new AgentFailure("llm_model_not_found", "The model endpoint does not know the model '"
                    + settings.model() + "' (HTTP 404). Check kalpana.llm.model.");
        }
        if (find(failure, InternalServerException.class).isPresent() || status >= 500) {
            return new AgentFailure("llm_unavailable", "The model endpoint failed (HTTP " + status + ") after "
                    + attempts + " attempts. Try again later.");
        }
        if (status != 0) {
            return new AgentFailure("llm_rejected", "The model endpoint rejected the request (HTTP " + status + "): "
                    + shortMessage(failure));
        }
        if (find(failure, ConnectException.class).isPresent() || find(failure, UnknownHostException.class).isPresent()
                || find(failure, UnresolvedAddressException.class).isPresent()) {
            return new AgentFailure("llm_unreachable", "The model endpoint " + endpoint + " cannot be reached ("
                    + shortMessage(failure) + "). Check kalpana.llm.base-url and the network.");
        }
        if (find(failure, TimeoutException.class).isPresent() || find(failure, HttpTimeoutException.class).isPresent()
                || find(failure, dev.langchain4j.exception.TimeoutException.class).isPresent()) {
            return new AgentFailure("llm_timeout", "The model did not finish its answer within "
                    + settings.requestTimeout().toSeconds() + " s (kalpana.llm.timeout).");
        }
        if (find(failure, IOException.class).isPresent()) {
            return new AgentFailure("llm_stream_broken", "The connection to the model broke off in the middle of its"
                    + " answer (" + shortMessage(failure) + "). What arrived so far is kept; send the message again.");
        }
        return new AgentFailure("llm_error", "The model call failed: " + shortMessage(failure));
    }

    private static Optional<Integer> status(Throwable failure) {
        return find(failure, HttpException.class).map(HttpException::statusCode);
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String shortMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() <= 300 ? message : message.substring(0, 300) + "…";
    }
}
