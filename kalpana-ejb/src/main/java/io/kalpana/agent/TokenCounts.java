package io.kalpana.agent;

import dev.langchain4j.model.output.TokenUsage;

/** Tokens a model call or a whole turn used, as reported by the endpoint (zero when it reported nothing). */
public record TokenCounts(long input, long output, long total) {

    public static final TokenCounts NONE = new TokenCounts(0, 0, 0);

    static TokenCounts of(TokenUsage usage) {
        if (usage == null) {
            return NONE;
        }
        return new TokenCounts(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()),
                orZero(usage.totalTokenCount()));
    }

    public TokenCounts plus(TokenCounts other) {
        return new TokenCounts(input + other.input, output + other.output, total + other.total);
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
