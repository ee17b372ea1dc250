package dev.atrium.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox's mail, on every replica: at once after a commit that queued mail on this replica, and
 * on a timer for the rest (mail queued elsewhere, retries, mail left by a replica that stopped). Each mail is
 * claimed before it is sent (see {@link OutboxClaims}), so however many senders run, each mail goes once. A
 * failed attempt is tried again after a wait that doubles each time; after the last, the mail is kept as
 * failed, for the System page and the metrics. (A sender that dies after the SMTP server took a mail and
 * before it is marked sent leaves it to be sent again when its lease ends: at least once, in that case.)
 */
@Singleton
class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    private final OutboxClaims claims;
    private final ReactiveMailer mailer;
    private final MailConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Counter sent;
    private final Counter retried;
    private final Counter givenUp;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong(-1);
    /** One delivery run at a time on this replica; a request for another meanwhile makes the running one go round again. */
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "atrium-mail-outbox");
        thread.setDaemon(true);
        return thread;
    });

    OutboxSender(OutboxClaims claims, ReactiveMailer mailer, MailConfig config, MeterRegistry registry) {
        this.claims = claims;
        this.mailer = mailer;
        this.config = config;
        String deliveries = "atrium.mail.deliveries";
        this.sent = Counter.builder(deliveries).tag("outcome", "sent")
                .description("Attempts to deliver account mail, by outcome: sent, retry (failed, tried again later), failed (the last attempt failed; given up)")
                .register(registry);
        this.retried = Counter.builder(deliveries).tag("outcome", "retry").description(sent.getId().getDescription()).register(registry);
        this.givenUp = Counter.builder(deliveries).tag("outcome", "failed").description(sent.getId().getDescription()).register(registry);
        Gauge.builder("atrium.mail.outbox.pending", pending, AtomicLong::get)
                .description("Account mails waiting in the outbox for their first or next attempt").register(registry);
        Gauge.builder("atrium.mail.outbox.failed", failed, AtomicLong::get)
                .description("Account mails given up after their last attempt and still listed on the admin System page")
                .register(registry);
        Gauge.builder("atrium.mail.outbox.oldest.pending", oldestPendingMillis, millis -> millis.get() < 0 ? 0
                : Math.max(0, (clock.millis() - millis.get()) / 1000.0))
                .baseUnit("seconds")
                .description("How long the oldest mail waiting in the outbox has waited (0 when none waits)").register(registry);
    }

    /** Mail queued on this replica goes as soon as its transaction has committed, not at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailOutbox.MailQueued queued) {
        afterCommit.execute(this::deliverDueQuietly);
    }

    @Scheduled(every = "${atrium.mail.poll-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        deliverDue();
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshGauges() {
        OutboxClaims.Counts counts = claims.counts();
        pending.set(counts.pending());
        failed.set(counts.failed());
        oldestPendingMillis.set(counts.oldestPending() == null ? -1 : counts.oldestPending().toEpochMilli());
    }

    /** Sent and failed mails are listed for a while (their bodies are already blank), then deleted. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        int deleted = claims.forgetFinishedBefore(clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.debugf("Deleted %d finished mails from the outbox", deleted);
        }
    }

    /** Delivers every mail that is due, batch after batch, until none is left. */
    void deliverDue() {
        again.set(true);
        while (again.get() && running.tryLock()) {
            try {
                while (again.getAndSet(false)) {
                    while (deliverBatch() > 0) {
                        // the next batch
                    }
                }
            } finally {
                running.unlock();
            }
        }
    }

    private void deliverDueQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // the database may be away; the timer tries again
            LOG.warnf("Could not deliver the outbox's mail now: %s", e.toString());
        }
    }

    /** Claims one batch of due mail and delivers it; returns how many mails it claimed. */
    int deliverBatch() {
        Instant now = clock.instant();
        List<OutboxClaims.Claimed> batch = claims.claim(now, config.batchSize(), now.plus(config.lease()));
        for (OutboxClaims.Claimed mail : batch) {
            deliver(mail);
        }
        return batch.size();
    }

    private void deliver(OutboxClaims.Claimed mail) {
        Mail message = Mail.withText(mail.recipient(), mail.subject(), mail.text()).setHtml(mail.html());
        try {
            mailer.send(message).await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            attemptFailed(mail, e);
            return;
        }
        claims.sent(mail.id(), clock.instant());
        sent.increment();
        LOG.debugf("Mail %d (%s) sent at attempt %d", (Long) mail.id(), mail.kind(), (Integer) mail.attempt());
    }

    private void attemptFailed(OutboxClaims.Claimed mail, RuntimeException e) {
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (mail.attempt() >= config.maxAttempts()) {
            claims.giveUp(mail.id(), error);
            givenUp.increment();
            LOG.errorf("Mail %d (%s) not delivered after %d attempts; given up: %s", mail.id(), mail.kind(), mail.attempt(), error);
            return;
        }
        Duration wait = config.retryAfter(mail.attempt());
        claims.retryAt(mail.id(), clock.instant().plus(wait), error);
        retried.increment();
        LOG.warnf("Mail %d (%s) attempt %d of %d failed, next in %s: %s", mail.id(), mail.kind(), mail.attempt(),
                config.maxAttempts(), wait, error);
    }

    @PreDestroy
    void stop() {
        afterCommit.shutdownNow();
    }
}
