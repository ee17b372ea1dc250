package dev.atrium.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.atrium.posts.MarkdownRenderer;
import dev.atrium.posts.Post;
import dev.atrium.web.ProblemException;

/**
 * Markdown rendered exactly as a post would be, for the editor's live preview. It stores nothing and needs
 * no account: it only turns text into the same sanitised HTML anyone could produce by publishing it.
 */
@Path("/api/v1/markdown")
@Tag(name = "Markdown")
public class MarkdownApi {

    @Schema(name = "MarkdownInput")
    public record Input(@Schema(description = "Markdown, at most 100,000 characters") String markdown) {
    }

    @Schema(name = "RenderedMarkdown")
    public record Rendered(@Schema(description = "Sanitised HTML") String html) {
    }

    @Inject
    MarkdownRenderer renderer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render Markdown to sanitised HTML, as a post would be")
    public Rendered render(Input input) {
        if (input == null || input.markdown() == null || input.markdown().length() > Post.BODY_MAX) {
            throw new ProblemException(400, "Send {\"markdown\": \"...\"} of at most " + Post.BODY_MAX + " characters.");
        }
        return new Rendered(renderer.toSafeHtml(input.markdown()));
    }
}
