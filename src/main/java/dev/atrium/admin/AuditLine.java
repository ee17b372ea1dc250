package dev.atrium.admin;

import java.time.Instant;

/** One entry of the audit log as its page shows it: a copy, not the entity. */
public record AuditLine(Instant at, String actor, String action, String target, String detail) {

    static AuditLine of(AuditEntry entry) {
        return new AuditLine(entry.at, entry.actor, entry.action, entry.target, entry.detail);
    }
}
