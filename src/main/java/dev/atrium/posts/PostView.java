package dev.atrium.posts;

import java.time.Instant;

import io.quarkus.qute.TemplateData;

/** A post as pages and the API show it: its Markdown, its rendered, sanitised HTML and its author's name. */
@TemplateData
public record PostView(long id, String title, String markdown, String html, String author, long authorId,
        Instant createdAt, Instant updatedAt) {

    public boolean edited() {
        return updatedAt.isAfter(createdAt.plusSeconds(1));
    }
}
