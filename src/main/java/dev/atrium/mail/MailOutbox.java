package dev.atrium.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import io.quarkus.qute.TemplateData;

/**
 * The outbox features write their mail to: a mail is a row, written in the transaction of the change that
 * causes it, so the two commit or roll back together. {@link OutboxSender} delivers it after the commit.
 * What the pages and the System page say about mail is read here, so they say what is true.
 */
@ApplicationScoped
public class MailOutbox {

    /** Fired for each mail queued; observed after the commit, so the sender never looks before the row is there. */
    record MailQueued(long id) {
    }

    /** How the latest mail of a kind to an account stands. */
    public record Delivery(MailStatus status, Instant queuedAt, Optional<Instant> sentAt) {
        public boolean pending() {
            return status == MailStatus.PENDING;
        }

        public boolean sent() {
            return status == MailStatus.SENT;
        }

        public boolean failed() {
            return status == MailStatus.FAILED;
        }
    }

    /** A mail given up, as the System page lists it. */
    @TemplateData
    public record Failure(long id, String kind, String recipient, int attempts, Instant queuedAt, String error) {
    }

    /**
     * The outbox at a glance, as the System page shows it: mails waiting, the oldest of them, mails given up and
     * the latest of those. {@code @TemplateData}: the page reads it through resolvers generated at build time;
     * without them the native executable answered the page with a 500.
     */
    @TemplateData
    public record Report(long pending, Optional<Instant> oldestPending, long failed, List<Failure> latestFailures) {
    }

    private final Event<MailQueued> queued;
    private final Clock clock = Clock.systemUTC();

    MailOutbox(Event<MailQueued> queued) {
        this.queued = queued;
    }

    /**
     * Queues a mail, in the caller's transaction: it is sent only if that transaction commits. {@code kind}
     * names what it is ("confirm", "reset"), {@code accountId} whose it is (or null), for the pages that
     * tell a user how their mail stands.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(String kind, Long accountId, String recipient, String subject, String text, String html) {
        OutboxMail mail = new OutboxMail();
        mail.kind = kind;
        mail.accountId = accountId;
        mail.recipient = recipient;
        mail.subject = subject;
        mail.textBody = text;
        mail.htmlBody = html;
        mail.status = MailStatus.PENDING;
        mail.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        mail.nextAttemptAt = mail.createdAt;
        mail.persistAndFlush();
        queued.fire(new MailQueued(mail.id));
    }

    /** The latest mail of this kind to this account, if any is still listed. */
    @Transactional
    public Optional<Delivery> latest(long accountId, String kind) {
        return OutboxMail.<OutboxMail> find("accountId = ?1 and kind = ?2", Sort.descending("id"), accountId, kind)
                .firstResultOptional()
                .map(mail -> new Delivery(mail.status, mail.createdAt, Optional.ofNullable(mail.sentAt)));
    }

    @Transactional
    public Report report(int failuresListed) {
        long pending = OutboxMail.count("status", MailStatus.PENDING);
        Optional<Instant> oldest = OutboxMail.<OutboxMail> find("status", Sort.ascending("id"), MailStatus.PENDING)
                .firstResultOptional().map(mail -> mail.createdAt);
        long failed = OutboxMail.count("status", MailStatus.FAILED);
        List<Failure> latest = OutboxMail.<OutboxMail> find("status", Sort.descending("id"), MailStatus.FAILED)
                .page(0, failuresListed).list().stream()
                .map(mail -> new Failure(mail.id, mail.kind, mail.recipient, mail.attempts, mail.createdAt,
                        mail.lastError == null ? "" : mail.lastError))
                .toList();
        return new Report(pending, oldest, failed, latest);
    }
}
