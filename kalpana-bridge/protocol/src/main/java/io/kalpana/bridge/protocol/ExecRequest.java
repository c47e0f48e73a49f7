package io.kalpana.bridge.protocol;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code command} with {@code bash -lc} in {@code cwd}. Output streams back as stdout/stderr events
 * in {@code outputEncoding} (text or base64), then one exit event. Stdin is closed at start unless
 * {@code keepStdinOpen}; without a timeout the server default applies.
 */
public record ExecRequest(String command, Optional<WorkspacePath> cwd, Optional<Duration> timeout,
                          Map<String, String> environment, ContentEncoding outputEncoding, boolean keepStdinOpen)
        implements BridgeRequest<ExecExit> {

    public ExecRequest {
        if (command == null || command.isBlank()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "exec needs a non-empty 'command'");
        }
        if (outputEncoding == ContentEncoding.AUTO) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "exec output encoding must be text or base64");
        }
        timeout.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "timeoutMs must be > 0");
            }
        });
        environment = Map.copyOf(environment);
    }

    public static ExecRequest of(String command) {
        return new ExecRequest(command, Optional.empty(), Optional.empty(), Map.of(), ContentEncoding.TEXT, false);
    }

    public ExecRequest withTimeout(Duration value) {
        return new ExecRequest(command, cwd, Optional.of(value), environment, outputEncoding, keepStdinOpen);
    }

    public ExecRequest withCwd(String value) {
        return new ExecRequest(command, Optional.of(WorkspacePath.of(value)), timeout, environment, outputEncoding,
                keepStdinOpen);
    }

    public ExecRequest withOutputEncoding(ContentEncoding value) {
        return new ExecRequest(command, cwd, timeout, environment, value, keepStdinOpen);
    }

    public ExecRequest withStdinOpen() {
        return new ExecRequest(command, cwd, timeout, environment, outputEncoding, true);
    }

    public ExecRequest withEnvironment(Map<String, String> value) {
        return new ExecRequest(command, cwd, timeout, value, outputEncoding, keepStdinOpen);
    }

    @Override
    public Op op() {
        return Op.EXEC;
    }

    @Override
    public void writeFields(JsonObjectBuilder json, JsonBuilderFactory factory) {
        json.add("command", command).add("outputEncoding", outputEncoding.wireName()).add("stdin", keepStdinOpen);
        cwd.ifPresent(c -> json.add("cwd", c.value()));
        timeout.ifPresent(t -> json.add("timeoutMs", t.toMillis()));
        if (!environment.isEmpty()) {
            JsonObjectBuilder env = factory.createObjectBuilder();
            environment.forEach(env::add);
            json.add("env", env);
        }
    }

    @Override
    public ExecExit decodeResult(JsonObject result) {
        return ExecExit.fromJson(result);
    }

    public static ExecRequest fromJson(JsonObject json) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonFields.optionalObject(json, "env").forEach((key, value) -> {
            if (!(value instanceof JsonString string)) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "env values must be strings");
            }
            env.put(key, string.getString());
        });
        long timeoutMs = JsonFields.optionalLong(json, "timeoutMs", 0);
        return new ExecRequest(JsonFields.requiredString(json, "command"),
                Optional.ofNullable(JsonFields.optionalString(json, "cwd", null)).map(WorkspacePath::of),
                timeoutMs == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(timeoutMs)),
                env,
                ContentEncoding.fromWire(JsonFields.optionalString(json, "outputEncoding", "text")),
                JsonFields.optionalBoolean(json, "stdin", false));
    }
}
