package io.kalpana.web.admin;

import io.kalpana.identity.Caller;
import io.kalpana.problem.KalpanaException;
import io.kalpana.settings.LiveSettings;
import io.kalpana.settings.SettingsService;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;

/** The live settings (idle reaper and default quotas), for administrators; changes apply without a restart. */
@Path("admin/settings")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSettingsResource {

    @Inject
    SettingsService settings;

    @Inject
    Caller caller;

    /**
     * Durations as ISO-8601 text (PT30M); maxLifetime and stoppedRetention are null when off. In a PUT, a
     * missing or null field keeps its value, and "off" switches maxLifetime or stoppedRetention off.
     */
    @JsonbNillable
    public record SettingsJson(String idleTimeout, String warnBefore, String maxLifetime, String stoppedRetention,
                               Integer defaultMaxRunning, Integer defaultMaxTotal) {

        static SettingsJson of(LiveSettings live) {
            return new SettingsJson(live.idleTimeout().toString(), live.warnBefore().toString(),
                    live.maxLifetime().map(Duration::toString).orElse(null),
                    live.stoppedRetention().map(Duration::toString).orElse(null),
                    live.defaultMaxRunning(), live.defaultMaxTotal());
        }

        LiveSettings applyTo(LiveSettings current) {
            return new LiveSettings(
                    idleTimeout == null ? current.idleTimeout() : LiveSettings.parse("idleTimeout", idleTimeout),
                    warnBefore == null ? current.warnBefore() : LiveSettings.parse("warnBefore", warnBefore),
                    maxLifetime == null ? current.maxLifetime() : LiveSettings.parseOptional("maxLifetime", maxLifetime),
                    stoppedRetention == null ? current.stoppedRetention()
                            : LiveSettings.parseOptional("stoppedRetention", stoppedRetention),
                    defaultMaxRunning == null ? current.defaultMaxRunning() : defaultMaxRunning,
                    defaultMaxTotal == null ? current.defaultMaxTotal() : defaultMaxTotal);
        }
    }

    @GET
    @Operation(summary = "The settings in force now")
    public SettingsJson get() {
        return SettingsJson.of(settings.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change settings; fields left out keep their value, \"off\" switches maxLifetime or stoppedRetention off")
    public SettingsJson update(SettingsJson request) {
        if (request == null) {
            throw KalpanaException.invalid("missing_body", "Send {\"idleTimeout\": \"PT30M\", \"warnBefore\": \"PT5M\", ...}");
        }
        return SettingsJson.of(settings.update(caller, request.applyTo(settings.current())));
    }

    @DELETE
    @Operation(summary = "Forget the stored settings: the configured defaults apply again")
    public SettingsJson reset() {
        return SettingsJson.of(settings.reset(caller));
    }
}
