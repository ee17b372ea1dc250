package dev.atrium.admin;

import java.time.Instant;

import io.quarkus.qute.TemplateData;

/**
 * One entry of the audit log as its page shows it: a copy, not the entity.
 * {@code @TemplateData}: templates read it through a value resolver made at build time, also where Qute checks nothing
 * at build time (a message's argument, {@code auth:settings_who(user.email)}), since the native executable has no
 * reflection to fall back on.
 */
@TemplateData
record AuditLine(Instant at, String actor, String action, String target, String detail) {

    static AuditLine of(AuditEntry entry) {
        return new AuditLine(entry.at, entry.actor, entry.action, entry.target, entry.detail);
    }
}
