package dev.atrium.auth;

import java.time.Instant;

import io.quarkus.qute.TemplateData;

/**
 * An API token as the settings page lists it: never its hash, nor anything to write back.
 * {@code @TemplateData}: templates read it through a value resolver made at build time, also where Qute checks nothing
 * at build time (a message's argument, {@code auth:settings_who(user.email)}), since the native executable has no
 * reflection to fall back on.
 */
@TemplateData
record ApiTokenView(long id, String name, boolean readOnly, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
        boolean hasExpired) {

    static ApiTokenView of(ApiToken token, Instant now) {
        return new ApiTokenView(token.id, token.name, token.readOnly(), token.createdAt, token.lastUsedAt, token.expiresAt,
                token.expired(now));
    }
}
