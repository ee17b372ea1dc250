package dev.atrium.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.web.Language;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How senders on several replicas share the outbox: claims that run at the same moment take different mails
 * and do not wait for each other, and senders running side by side deliver each mail once. Runs on H2 and,
 * with -Ppostgresql, on PostgreSQL.
 */
@QuarkusTest
class OutboxClaimsTest {

    /** Far enough ahead that the application's own sender, claiming what is due now, leaves these rows alone. */
    private static final Instant LATER = Instant.now().plus(Duration.ofDays(3650)).truncatedTo(ChronoUnit.MILLIS);

    @Inject
    OutboxClaims claims;
    @Inject
    OutboxSender sender;
    @Inject
    MockMailbox mailbox;
    @Inject
    AccountFixtures fixtures;
    @Inject
    MailConfig config;

    @Test
    void claimsInParallelTransactionsTakeDifferentMailsWithoutWaiting() throws Exception {
        Set<Long> mine = new HashSet<>(insert(10, LATER, "parallel"));
        Instant now = LATER.plusSeconds(1);
        Instant leaseEnds = now.plus(Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        try {
            // the first claim's transaction stays open, its rows locked, while the second claims
            Future<List<Long>> first = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                List<Long> ids = ids(claims.claim(now, 4, leaseEnds));
                firstClaimed.countDown();
                assertThat(secondDone.await(20, TimeUnit.SECONDS)).isTrue();
                return ids;
            }));
            assertThat(firstClaimed.await(20, TimeUnit.SECONDS)).isTrue();
            Future<List<Long>> second = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> ids(claims.claim(now, 4, leaseEnds))));
            List<Long> secondIds = second.get(10, TimeUnit.SECONDS); // SKIP LOCKED: no waiting for the first to end
            secondDone.countDown();
            List<Long> firstIds = first.get(10, TimeUnit.SECONDS);

            assertThat(firstIds).hasSize(4);
            assertThat(secondIds).hasSize(4).doesNotContainAnyElementsOf(firstIds);
            // once both committed, the claimed rows are not due again until their lease ends; the other two are
            List<Long> rest = ids(claims.claim(now, 100, leaseEnds));
            assertThat(rest).containsAll(remove(mine, firstIds, secondIds)).doesNotContainAnyElementsOf(firstIds)
                    .doesNotContainAnyElementsOf(secondIds);
            assertThat(ids(claims.claim(leaseEnds, 100, leaseEnds.plusSeconds(60)))).as("due again after the lease")
                    .containsAll(mine);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoSendersAtOnceDeliverEachMailOnce() throws Exception {
        int count = 60;
        String prefix = AccountFixtures.unique("once");
        List<Long> ids = insert(count, Instant.now().truncatedTo(ChronoUnit.MILLIS), prefix);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> senders = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                // each as another replica would: straight to the claims, past this replica's one-run-at-a-time guard
                senders.add(pool.submit(() -> {
                    start.await();
                    int claimed = 0;
                    for (int n; (n = sender.deliverBatch()) > 0;) {
                        claimed += n;
                    }
                    return claimed;
                }));
            }
            start.countDown();
            for (Future<Integer> s : senders) {
                s.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // the application's own scheduled sender is a third sender here: it may still be delivering a mail it
        // claimed when both of the test's senders found nothing left to claim
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rows(ids).stream().allMatch(mail -> mail.status == MailStatus.SENT));
        for (int i = 0; i < count; i++) {
            List<Mail> mails = mailbox.getMailsSentTo(recipient(prefix, i));
            assertThat(mails).as("mails to %s", recipient(prefix, i)).hasSize(1);
        }
        assertThat(rows(ids)).allSatisfy(mail -> {
            assertThat(mail.status).isEqualTo(MailStatus.SENT);
            assertThat(mail.attempts).isEqualTo(1);
            assertThat(mail.textBody).isNull();
        });
    }

    @Test
    void aMailIsQueuedOnlyWhenItsChangeCommits() throws Exception {
        String username = AccountFixtures.unique("rolledback");
        String email = username + "@example.org";
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                fixtures.registerDirectly(email, username);
                throw new IllegalStateException("something after the registration failed");
            });
        } catch (IllegalStateException expected) {
            // the registration and its mail are rolled back together
        }
        Thread.sleep(1500); // longer than a poll: a mail would have gone by now
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("recipient", email))).isZero();
        assertThat(mailbox.getMailsSentTo(email)).isNullOrEmpty();

        fixtures.registerDirectly(email, username);
        AccountFixtures.awaitMailIn(mailbox, email, Duration.ofSeconds(10));
        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);
    }

    @Test
    void theWaitBetweenAttemptsDoublesUpToTheLongest() {
        Duration first = config.firstRetry();
        assertThat(config.retryAfter(1)).isEqualTo(first);
        assertThat(config.retryAfter(2)).isEqualTo(first.multipliedBy(2));
        assertThat(config.retryAfter(3)).isEqualTo(first.multipliedBy(4));
        assertThat(config.retryAfter(30)).isEqualTo(config.longestRetry());
        assertThat(config.lease()).isGreaterThan(config.sendTimeout());
    }

    private static List<Long> insert(int count, Instant due, String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                OutboxMail mail = new OutboxMail();
                mail.kind = "test";
                mail.recipient = recipient(prefix, i);
                mail.subject = "Test " + i;
                mail.textBody = "Hello " + i;
                mail.htmlBody = "<p>Hello " + i + "</p>";
                mail.status = MailStatus.PENDING;
                mail.createdAt = due;
                mail.nextAttemptAt = due;
                mail.persist();
                ids.add(mail.id);
            }
            return ids;
        });
    }

    private static String recipient(String prefix, int i) {
        return prefix + "-" + i + "@example.org";
    }

    private static List<OutboxMail> rows(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail> list("id in ?1", ids));
    }

    private static List<Long> ids(List<OutboxClaims.Claimed> claimed) {
        return claimed.stream().map(OutboxClaims.Claimed::id).toList();
    }

    @SafeVarargs
    private static Set<Long> remove(Set<Long> all, List<Long>... taken) {
        Set<Long> rest = new HashSet<>(all);
        for (List<Long> t : taken) {
            t.forEach(rest::remove);
        }
        return rest;
    }
}
