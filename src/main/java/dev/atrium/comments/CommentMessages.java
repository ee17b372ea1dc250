package dev.atrium.comments;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The texts of comments and moderation in English; Chinese in {@code messages/comments_zh_CN.properties}. */
@MessageBundle(value = "comments", locale = "en")
public interface CommentMessages {

    @Message("Comments")
    String heading();

    @Message("{#if count == 1}1 comment{#else}{count} comments{/if}")
    String count(long count);

    @Message("No comments yet.")
    String none();

    @Message("Too many comments in a short time; try again in a few minutes.")
    String error_too_many();

    @Message("This comment has been hidden by a moderator")
    String hidden_text();

    @Message("Hidden by a moderator: readers do not see this text.")
    String hidden_marked();

    @Message("Your comment (Markdown: emphasis, code, links, lists, quotes)")
    String body_field();

    @Message("Comment")
    String submit();

    @Message("Write a comment of 1 to 2,000 characters.")
    String error_body();

    @Message("Log in to comment")
    String login_to_comment();

    @Message("Comment on “{title}”")
    String form_title(String title);

    @Message("Back to the post")
    String back_to_post();

    @Message("Delete")
    String delete();

    @Message("Delete your comment")
    String delete_label();

    @Message("Hide")
    String hide();

    @Message("Show")
    String show();

    @Message("Hide the comment by {author}")
    String hide_label(String author);

    @Message("Show the comment by {author} again")
    String show_label(String author);

    @Message("Moderate")
    String nav();

    @Message("Recent comments")
    String moderate_title();

    @Message("on “{title}”")
    String on_post(String title);

    @Message("Nobody has commented yet.")
    String moderate_none();

    @Message("hidden")
    String status_hidden();

    @Message("Comment by {author}")
    String comment_by(String author);

    @Message("Earlier comments")
    String earlier();

    @Message("Later comments")
    String later();
}
