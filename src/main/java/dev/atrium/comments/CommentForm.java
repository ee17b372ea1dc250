package dev.atrium.comments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.atrium.web.Violations;

/**
 * A comment as the post's form and an API client send it: 1 to 2,000 characters, not only spaces. The
 * constraints are the check (see {@code Violations}) and the API document's limits alike.
 */
@Schema(name = "CommentInput", description = "What a client sends to comment on a post")
public record CommentForm(
        @NotBlank(message = "comments:error_body") @Pattern(regexp = Violations.NOT_ONLY_SPACES, message = "comments:error_body") @Size(min = 1, max = Comment.BODY_MAX, message = "comments:error_body")
        @Schema(description = "Markdown (a subset: emphasis, code, links, lists, quotes), 1 to 2,000 characters", required = true)
        String body) {
}
