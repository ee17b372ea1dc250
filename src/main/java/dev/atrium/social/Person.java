package dev.atrium.social;

import java.time.Instant;

import io.quarkus.qute.TemplateData;

/** Someone in a followers or following list, and since when they are there. */
@TemplateData
public record Person(String username, Instant since) {
}
