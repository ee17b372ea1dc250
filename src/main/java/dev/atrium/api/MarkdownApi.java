package dev.atrium.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.atrium.posts.MarkdownPreview;
import dev.atrium.posts.PostPermissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Markdown rendered exactly as a post would be, for a writer's own tools (the site's editor has the same
 * preview at {@code /posts/preview}). Rendering costs CPU, so it is for accounts that may write, and
 * limited per account (see {@link MarkdownPreview}).
 */
@Path("/api/v1/markdown")
@Tag(name = "Markdown")
class MarkdownApi {

    @Schema(name = "MarkdownInput")
    public record Input(@Schema(description = "Markdown, at most 100,000 characters", maxLength = 100_000) String markdown) {
    }

    @Schema(name = "RenderedMarkdown")
    public record Rendered(@Schema(description = "Sanitised HTML") String html) {
    }

    private final MarkdownPreview preview;
    private final SecurityIdentity identity;

    MarkdownApi(MarkdownPreview preview, SecurityIdentity identity) {
        this.preview = preview;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("write")
    @SecurityRequirement(name = "token")
    @Operation(summary = "Render Markdown to sanitised HTML, as a post would be")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The account may not write")
    @APIResponse(responseCode = "429", description = "Too many previews this minute; Retry-After says how long to wait")
    public Rendered render(Input input) {
        return new Rendered(preview.render(PostPermissions.userId(identity), input == null ? null : input.markdown()));
    }
}
