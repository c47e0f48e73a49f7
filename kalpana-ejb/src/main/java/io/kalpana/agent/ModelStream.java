package io.kalpana.agent;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.kalpana.workspace.WorkspaceId;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One streamed model call with retries and cancellation. A call is retried only while nothing has streamed
 * yet: repeating a half-shown answer would show the user its beginning twice.
 */
final class ModelStream {

    private static final Logger LOG = Logger.getLogger(ModelStream.class.getName());

    private final StreamingChatModel model;
    private final AgentSettings settings;
    private final ModelFailures failures;
    private final WorkspaceId workspace;

    ModelStream(StreamingChatModel model, AgentSettings settings, WorkspaceId workspace) {
        this.model = model;
        this.settings = settings;
        this.failures = new ModelFailures(settings);
        this.workspace = workspace;
    }

    ChatResponse call(ChatRequest request, Consumer<String> onToken, CancelSignal cancel) {
        Duration backoff = settings.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            Attempt current = new Attempt(onToken);
            try {
                return current.run(request, cancel);
            } catch (ExecutionException e) {
                Throwable failure = e.getCause();
                boolean retry = !current.streamed.get() && attempt <= settings.maxRetries()
                        && failures.isRetryable(failure);
                if (!retry) {
                    AgentFailure described = failures.describe(failure, attempt);
                    LOG.log(Level.WARNING, "workspace={0} model call failed for good after {1} attempt(s): {2}",
                            new Object[] {workspace, attempt, described.message()});
                    throw new ModelCallFailedException(described, failure);
                }
                LOG.log(Level.INFO, "workspace={0} model call attempt {1} failed ({2}), retrying in {3} ms",
                        new Object[] {workspace, attempt, failure.getClass().getSimpleName(), backoff.toMillis()});
                pause(backoff, cancel);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private static void pause(Duration delay, CancelSignal cancel) {
        try {
            cancel.await(new CompletableFuture<Void>().completeOnTimeout(null, delay.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            throw new IllegalStateException("a pause cannot fail", e);
        }
    }

    private final class Attempt implements StreamingChatResponseHandler {

        private final Consumer<String> onToken;
        private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        private final AtomicBoolean streamed = new AtomicBoolean();

        Attempt(Consumer<String> onToken) {
            this.onToken = onToken;
        }

        ChatResponse run(ChatRequest request, CancelSignal cancel) throws ExecutionException {
            Runnable unregister = cancel.onCancel(this::stop);
            try {
                model.chat(request, this);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
            try {
                return cancel.await(done.orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                stop();
                throw e;
            } finally {
                unregister.run();
            }
        }

        /** Closes the HTTP stream; later callbacks are ignored because {@code done} is already complete. */
        private void stop() {
            done.cancel(false);
            StreamingHandle stream = handle.get();
            if (stream != null && !stream.isCancelled()) {
                stream.cancel();
            }
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle.set(context.streamingHandle());
            if (done.isDone()) {
                context.streamingHandle().cancel();
                return;
            }
            streamed.set(true);
            onToken.accept(partial.text());
        }

        @Override
        public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
            handle.set(context.streamingHandle());
            streamed.set(true);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }
    }
}
