package dev.atrium.posts;

import java.time.Instant;

import io.quarkus.qute.TemplateData;

/**
 * A post as pages and the API show it: its Markdown, its rendered, sanitised HTML, its author's name, and
 * how many comments it has and when they last changed (null while none ever did).
 */
@TemplateData
public record PostView(long id, String title, String markdown, String html, String author, long authorId,
        Instant createdAt, Instant updatedAt, int comments, Instant commentsChangedAt) {

    /** When the post's page last changed: the post, or any of its comments. */
    public Instant pageChangedAt() {
        return commentsChangedAt == null || commentsChangedAt.isBefore(updatedAt) ? updatedAt : commentsChangedAt;
    }

    public boolean edited() {
        return updatedAt.isAfter(createdAt.plusSeconds(1));
    }
}
