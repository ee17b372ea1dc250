package dev.atrium.posts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.atrium.web.Violations;

/**
 * What the post editor sends, and what an API client sends to write or change a post: a title of 1 to 200
 * characters (spaces around it do not count) and a Markdown body of 1 to 100,000, not only spaces. The
 * constraints are the checks (see {@code Violations}) and the API document's limits alike.
 */
@Schema(name = "PostInput", description = "What a client sends to write or change a post")
public record PostForm(
        @NotBlank(message = "posts:error_title") @Size(min = 1, max = Post.TITLE_MAX, message = "posts:error_title")
        @Schema(required = true) String title,
        @NotBlank(message = "posts:error_body") @Pattern(regexp = Violations.NOT_ONLY_SPACES, message = "posts:error_body") @Size(min = 1, max = Post.BODY_MAX, message = "posts:error_body")
        @Schema(description = "Markdown, at most 100,000 characters", required = true) String body) {

    public PostForm {
        // the title is stored stripped, so its limit counts what is kept
        title = title == null ? null : title.strip();
    }
}
