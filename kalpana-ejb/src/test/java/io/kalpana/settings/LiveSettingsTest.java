package io.kalpana.settings;

import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveSettingsTest {

    static final LiveSettings SANE = new LiveSettings(Duration.ofMinutes(30), Duration.ofMinutes(5), Optional.empty(),
            Optional.empty(), 3, 10);

    @Test
    void saneValuesAreKept() {
        LiveSettings settings = SANE.withMaxLifetime(Optional.of(Duration.ofHours(12)))
                .withStoppedRetention(Optional.of(Duration.ofDays(30)));
        assertEquals(Duration.ofHours(12), settings.maxLifetime().orElseThrow());
        assertEquals(Duration.ofDays(30), settings.stoppedRetention().orElseThrow());
        assertEquals(Duration.ZERO, SANE.withWarnBefore(Duration.ZERO).warnBefore(), "no warning at all is allowed");
        assertEquals(0, SANE.withDefaultMaxRunning(0).defaultMaxRunning(), "zero blocks a person, on purpose");
    }

    @Test
    void theWarningMustComeBeforeTheStop() {
        assertBad("warnBefore", () -> SANE.withWarnBefore(Duration.ofMinutes(30)));
        assertBad("warnBefore", () -> SANE.withWarnBefore(Duration.ofMinutes(-1)));
        assertBad("warnBefore", () -> SANE.withIdleTimeout(Duration.ofMinutes(5)));
        assertBad("warnBefore", () -> SANE.withWarnBefore(null));
    }

    @Test
    void durationsOutsideTheirBoundsAreRefused() {
        assertBad("idleTimeout", () -> SANE.withIdleTimeout(Duration.ofSeconds(59)));
        assertBad("idleTimeout", () -> SANE.withIdleTimeout(null));
        assertBad("idleTimeout", () -> SANE.withIdleTimeout(Duration.ofDays(366)));
        assertBad("maxLifetime", () -> SANE.withMaxLifetime(Optional.of(Duration.ZERO)));
        assertBad("stoppedRetention", () -> SANE.withStoppedRetention(Optional.of(Duration.ofSeconds(-5))));
    }

    @Test
    void countsOutsideTheirBoundsAreRefused() {
        assertBad("defaultMaxRunning", () -> SANE.withDefaultMaxRunning(-1));
        assertBad("defaultMaxTotal", () -> SANE.withDefaultMaxTotal(LiveSettings.MOST_WORKSPACES + 1));
    }

    @Test
    void textIsParsedAsIso8601AndNamesTheFieldWhenItIsNot() {
        assertEquals(Duration.ofMinutes(30), LiveSettings.parse("idleTimeout", " PT30M "));
        assertBad("idleTimeout", () -> LiveSettings.parse("idleTimeout", "30 minutes"));
        assertBad("idleTimeout", () -> LiveSettings.parse("idleTimeout", ""));
        assertEquals(Optional.empty(), LiveSettings.parseOptional("maxLifetime", "off"));
        assertEquals(Optional.empty(), LiveSettings.parseOptional("maxLifetime", null));
        assertEquals(Optional.of(Duration.ofHours(8)), LiveSettings.parseOptional("maxLifetime", "PT8H"));
        assertBad("maxLifetime", () -> LiveSettings.parseOptional("maxLifetime", "8h"));
    }

    private static void assertBad(String field, Executable executable) {
        KalpanaException problem = assertThrows(KalpanaException.class, executable);
        assertEquals(ProblemKind.INVALID_INPUT, problem.kind());
        assertTrue(problem.getMessage().contains(field), "names " + field + ": " + problem.getMessage());
    }
}
