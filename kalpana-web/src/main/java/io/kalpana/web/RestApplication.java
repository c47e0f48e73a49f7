package io.kalpana.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** Kalpana's REST API, version 1. Access rules per path are in web.xml. */
@ApplicationPath("/api/v1")
@DeclareRoles({"user", "admin"})
@OpenAPIDefinition(info = @Info(title = "Kalpana API", version = "1",
        description = "Workspaces, tokens and administration. Authenticate with 'Authorization: Bearer <token>' "
                + "from POST /api/v1/tokens."))
public class RestApplication extends Application {
}
