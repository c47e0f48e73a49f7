package io.kalpana.web.health;

import io.kalpana.runtime.WorkspaceRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Docker engine answers: without it no workspace can start or stop. */
@Readiness
@ApplicationScoped
public class DockerReadiness implements HealthCheck {

    @Inject
    WorkspaceRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        try {
            runtime.ping();
            return HealthCheckResponse.named("docker").up().build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("docker").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
