package dev.atrium.auth;

import java.time.Instant;

/** An API token as the settings page lists it: never its hash, nor anything to write back. */
public record ApiTokenView(long id, String name, boolean readOnly, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
        boolean hasExpired) {

    static ApiTokenView of(ApiToken token, Instant now) {
        return new ApiTokenView(token.id, token.name, token.readOnly(), token.createdAt, token.lastUsedAt, token.expiresAt,
                token.expired(now));
    }
}
