package dev.atrium.posts;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The blog's texts in English; Chinese in {@code messages/posts_zh_CN.properties}. */
@MessageBundle(value = "posts", locale = "en")
public interface PostMessages {

    @Message("Recent posts")
    String recent();

    @Message("Nothing has been written yet.")
    String none();

    @Message("by {author}")
    String by(String author);

    @Message("edited")
    String edited();

    @Message("Newer")
    String newer();

    @Message("Older")
    String older();

    @Message("Page {number} of {pages}")
    String page_of(int number, int pages);

    @Message("Write a post")
    String write();

    @Message("Edit")
    String edit();

    @Message("Delete")
    String delete();

    @Message("Edit post")
    String edit_title();

    @Message("Title")
    String title_field();

    @Message("Text (Markdown)")
    String body_field();

    @Message("Publish")
    String publish();

    @Message("Give the post a title of at most 200 characters.")
    String error_title();

    @Message("Write some text, at most 100,000 characters.")
    String error_body();

    @Message("Posts by {name}")
    String profile_title(String name);

    @Message("Delete this post?")
    String delete_title();

    @Message("“{title}” will be deleted for good: its page and its place in the lists go, and nobody can bring it back.")
    String delete_text(String title);

    @Message("Delete the post")
    String delete_confirm();

    @Message("Keep it")
    String delete_cancel();

    @Message("{#if count == 1}1 comment{#else}{count} comments{/if}")
    String comment_count(int count);
}
