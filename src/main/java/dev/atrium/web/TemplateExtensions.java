package dev.atrium.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Small formatting helpers every template may use. */
@TemplateExtension
final class TemplateExtensions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TemplateExtensions() {
    }

    /** {@code {post.createdAt.date}}: the day, as 2026-11-25 (UTC). */
    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** {@code {entry.at.dateTime}}: to the second, as 2026-11-25 16:20:05 UTC. */
    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** {@code {query.urlEncoded}}: the value as a URL query parameter (the HTML escaping still follows). */
    static String urlEncoded(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
