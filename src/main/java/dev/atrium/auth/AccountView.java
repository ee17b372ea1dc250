package dev.atrium.auth;

import java.time.Instant;

import io.quarkus.qute.TemplateData;

/**
 * An account as other features and templates see it: what it is called, its address, role and state, never its
 * password hash nor the versions that bind its links and sessions. A copy, so nothing written to it reaches
 * the database.
 * {@code @TemplateData}: templates read it through a value resolver made at build time, also where Qute checks nothing
 * at build time (a message's argument, {@code auth:settings_who(user.email)}), since the native executable has no
 * reflection to fall back on.
 */
@TemplateData
public record AccountView(long id, String username, String email, Role role, boolean confirmed, boolean disabled,
        Instant createdAt) {

    static AccountView of(User user) {
        return new AccountView(user.id, user.username, user.email, user.role, user.confirmed, user.disabled, user.createdAt);
    }
}
