package dev.atrium.comments;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atrium.posts.PostPageSection;
import dev.atrium.posts.PostView;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The comments on a post's page: a page of them, oldest first, and the form to add one (or a link to log
 * in). Rendered for the reader of the request: moderators see hidden comments' text and the buttons to hide
 * and show, authors the button to delete their own. An anonymous reader's rendering has no form and no
 * token, so the post's page may hold it for every anonymous reader.
 */
@ApplicationScoped
class CommentSection implements PostPageSection {

    private final CommentService comments;
    private final SecurityIdentity identity;

    CommentSection(CommentService comments, SecurityIdentity identity) {
        this.comments = comments;
        this.identity = identity;
    }

    @Override
    public String render(PostView post, int page, Locale locale) {
        boolean moderator = CommentPermissions.canModerate(identity);
        return CommentsResource.Templates.section(post, comments.forPost(post.id(), post.title(), post.comments(), page, moderator),
                identity.isAnonymous() ? "" : identity.getPrincipal().getName(), CommentPermissions.canComment(identity), moderator,
                address(post.id(), page))
                .setLocale(locale).render();
    }

    /** The address of page {@code page} of a post's comments: the post's own address for the first. */
    static String address(long postId, int page) {
        return "/posts/" + postId + (page > 1 ? "?page=" + page : "");
    }
}
