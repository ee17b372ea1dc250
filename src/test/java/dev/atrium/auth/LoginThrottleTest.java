package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.atrium.web.RateLimits;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The throttle's windows and limits, on its table, with a clock the test moves. */
@QuarkusTest
class LoginThrottleTest {

    private static final class MovableClock extends Clock {
        // near the real time, so that the application's own clean-up of ended windows leaves these alone
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();
    /** Each test's names and addresses are its own: the table outlives a test. */
    private final String run = Long.toString(System.nanoTime(), 36);

    @Inject
    AgroalDataSource dataSource;

    private LoginThrottle throttle;

    @BeforeEach
    void newThrottle() {
        // 3 per account and address, 8 per account, 5 per address
        throttle = new LoginThrottle(3, 8, 5, Duration.ofMinutes(10), clock, dataSource);
    }

    private String name(String base) {
        return "id:" + base + "-" + run;
    }

    private String ip(int last) {
        return "2001:db8::" + run + ":" + last;
    }

    /** A wrong password: the attempt is counted and nothing is taken back. */
    private boolean fails(LoginThrottle throttle, String account, String address) {
        return !throttle.attempt(account, address).refused();
    }

    @Test
    void anAccountIsHeldForAnAddressAfterItsLimitUntilTheWindowEnds() {
        String alice = name("alice");
        for (int i = 0; i < 3; i++) {
            assertThat(fails(throttle, alice, ip(1))).isTrue();
        }
        RateLimits.Attempt refused = throttle.attempt(alice, ip(1));
        assertThat(refused.refused()).isTrue();
        assertThat(refused.retryAfter()).contains(Duration.ofMinutes(10));
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.attempt(alice, ip(1)).retryAfter()).contains(Duration.ofMinutes(6));
        assertThat(fails(throttle, alice, ip(2))).as("another address still may").isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(fails(throttle, alice, ip(1))).as("a new window").isTrue();
    }

    @Test
    void aStrangersFailuresDoNotLockTheOwnerOutBeforeTheAccountLimit() {
        String bob = name("bob");
        // a stranger on two addresses uses up both pairs, and keeps trying: refusals count for nothing
        for (int address = 1; address <= 2; address++) {
            for (int i = 0; i < 10; i++) {
                throttle.attempt(bob, ip(address));
            }
        }
        assertThat(fails(throttle, bob, ip(9))).as("the owner, elsewhere, after 6 failures of the stranger's").isTrue();
        // the account limit (8) is reached with failures from enough addresses
        assertThat(fails(throttle, bob, ip(3))).isTrue();
        assertThat(throttle.attempt(bob, ip(4)).refused()).as("the 9th failure for the account").isTrue();
    }

    @Test
    void anAddressIsHeldAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            assertThat(fails(throttle, name("user" + i), ip(7))).isTrue();
        }
        assertThat(throttle.attempt(name("someone-else"), ip(7)).refused()).isTrue();
        assertThat(throttle.attempt(name("someone-else"), ip(8)).refused()).isFalse();
    }

    @Test
    void aSuccessTakesBackItsOwnAttemptAndForgivesItsAddressButNotOthers() {
        String carol = name("carol");
        fails(throttle, carol, ip(1));
        fails(throttle, carol, ip(1));
        fails(throttle, carol, ip(2));
        fails(throttle, carol, ip(2));
        RateLimits.Attempt right = throttle.attempt(carol, ip(1));
        throttle.succeeded(right, carol, ip(1));
        for (int i = 0; i < 3; i++) {
            assertThat(fails(throttle, carol, ip(1))).as("the pair starts again after the success").isTrue();
        }
        assertThat(fails(throttle, carol, ip(2))).isTrue();
        assertThat(throttle.attempt(carol, ip(2)).refused()).as("the other address's failures stay").isTrue();
    }

    @Test
    void replicasShareTheCount() {
        LoginThrottle other = new LoginThrottle(3, 8, 5, Duration.ofMinutes(10), clock, dataSource);
        String dave = name("dave");
        fails(throttle, dave, ip(3));
        fails(other, dave, ip(3));
        fails(throttle, dave, ip(3));
        assertThat(other.attempt(dave, ip(3)).refused()).as("three failures over two replicas").isTrue();
    }

    @Test
    void concurrentAttemptsAreCountedBeforeAnyIsChecked() throws Exception {
        String eve = name("eve");
        LoginThrottle wide = new LoginThrottle(5, 1000, 1000, Duration.ofMinutes(10), clock, dataSource);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> done = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            done.add(pool.submit(() -> {
                start.await();
                return !wide.attempt(eve, ip(10)).refused();
            }));
        }
        start.countDown();
        int allowed = 0;
        for (java.util.concurrent.Future<Boolean> f : done) {
            allowed += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(allowed).as("30 at once against a limit of 5").isEqualTo(5);
    }
}
