package dev.atrium.social;

import java.time.Instant;

import io.quarkus.qute.TemplateData;

/** A profile as pages and the API show it: "about me" as its Markdown and as sanitised HTML. */
@TemplateData
public record ProfileView(long id, String username, String realName, String location, String aboutMe, String aboutHtml,
        Instant memberSince, Instant lastSeen, long followers, long following) {
}
