package dev.atrium.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's header (served at /q/openapi): the API's name and its one security scheme. Public,
 * though only annotations are read from it: RESTEasy Reactive instantiates an {@link Application} subclass
 * through its public constructor and refuses to build without one.
 */
@OpenAPIDefinition(
        info = @Info(title = "Atrium API", version = "1",
                description = "Posts and users as JSON. Authenticate with a personal API token, created on the "
                        + "settings page, as Authorization: Bearer <token>. A token opens this API only, never the "
                        + "site's pages; a read token gets 403 on anything but reads, an expired or revoked one 401. "
                        + "Errors are application/problem+json."),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "token",
                type = SecuritySchemeType.HTTP, scheme = "bearer", description = "A personal API token: read, or read and write; optionally expiring")))
public class ApiDocumentation extends Application {
}
