package dev.atrium.admin;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.atrium.web.Page;
import io.quarkus.panache.common.Sort;

/** Writes and reads the audit log. A write joins the caller's transaction: no action without its entry. */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    public static final int PAGE_SIZE = 50;

    private final Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String target, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        entry.actor = actor;
        entry.action = action;
        entry.target = target;
        entry.detail = detail;
        entry.persist();
        LOG.infof("Audit: %s %s %s (%s)", actor, action, target, detail);
    }

    /** Newest first. */
    @Transactional
    public Page<AuditLine> page(int number) {
        var all = AuditEntry.<AuditEntry> findAll(Sort.descending("at", "id"));
        long total = all.count();
        return new Page<>(all.page(number - 1, PAGE_SIZE).<AuditEntry> list().stream().map(AuditLine::of).toList(), number,
                PAGE_SIZE, total);
    }
}
