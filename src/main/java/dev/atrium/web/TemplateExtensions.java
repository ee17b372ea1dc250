package dev.atrium.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Small formatting helpers every template may use. */
@TemplateExtension
public final class TemplateExtensions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private TemplateExtensions() {
    }

    /** {@code {post.createdAt.date}}: the day, as 2026-11-25 (UTC). */
    static String date(Instant instant) {
        return DATE.format(instant);
    }
}
