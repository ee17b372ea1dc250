package dev.atrium.comments;

import java.time.Instant;

import io.quarkus.qute.TemplateData;

/**
 * A comment as one reader may see it. A hidden comment's {@code markdown} and {@code html} are null for
 * readers who may not moderate: its text never reaches them, on a page or through the API.
 */
@TemplateData
public record CommentView(long id, long postId, String postTitle, String author, long authorId, String markdown,
        String html, boolean hidden, Instant createdAt) {

    /** Whether this reader is shown the text: always for a comment not hidden, and for moderators. */
    public boolean textShown() {
        return html != null;
    }
}
