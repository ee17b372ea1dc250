package dev.atrium.api;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import dev.atrium.auth.AccountService;
import dev.atrium.auth.User;
import dev.atrium.web.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Accounts as JSON: anyone by name, and {@code me} for the token's own account. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UsersApi {

    @Inject
    AccountService accounts;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("me")
    @Authenticated
    @SecurityRequirement(name = "token")
    @Operation(summary = "The account the token belongs to")
    @APIResponse(responseCode = "401", description = "No valid token")
    public ApiDtos.MeJson me() {
        User user = accounts.byUsername(identity.getPrincipal().getName()).orElseThrow();
        return new ApiDtos.MeJson(user.username, user.email, user.role.name(), user.confirmed,
                user.confirmed ? user.role.permissions().stream().map(p -> p.id()).sorted().toList() : java.util.List.of(),
                Map.of("self", "/api/v1/users/me", "public", "/api/v1/users/" + user.username));
    }

    @GET
    @Path("{username}")
    @Operation(summary = "An account by its username")
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    public ApiDtos.UserJson byName(@RestPath String username) {
        User user = accounts.byUsername(username)
                .filter(u -> !u.disabled)
                .orElseThrow(() -> new ProblemException(404, "There is no user " + username + "."));
        return new ApiDtos.UserJson(user.username, user.role.name(), user.createdAt,
                Map.of("self", "/api/v1/users/" + user.username, "html", "/users/" + user.username));
    }
}
