package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
        throttle = new LoginThrottle(3, 5, Duration.ofMinutes(10), clock, dataSource);
    }

    private String name(String base) {
        return base + "-" + run;
    }

    private String ip(int last) {
        return "2001:db8::" + run + ":" + last;
    }

    @Test
    void anAccountIsHeldAfterItsLimitUntilTheWindowEnds() {
        String alice = name("alice");
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfter(alice.toUpperCase(), ip(1))).isEmpty();
            throttle.failed(alice, ip(1));
        }
        assertThat(throttle.retryAfter(alice.toUpperCase(), ip(9))).contains(Duration.ofMinutes(10));
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.retryAfter(alice, ip(9))).contains(Duration.ofMinutes(6));
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(throttle.retryAfter(alice, ip(9))).isEmpty();
        throttle.failed(alice, ip(2));
        assertThat(throttle.retryAfter(alice, ip(9))).as("a new window starts at one failure").isEmpty();
    }

    @Test
    void anAddressIsHeldAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(name("user" + i), ip(7));
        }
        assertThat(throttle.retryAfter(name("someone-else"), ip(7))).isPresent();
        assertThat(throttle.retryAfter(name("someone-else"), ip(8))).isEmpty();
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        String bob = name("bob");
        for (int i = 0; i < 2; i++) {
            throttle.failed(bob, ip(1));
        }
        throttle.succeeded(bob);
        throttle.failed(bob, ip(1));
        throttle.failed(bob, ip(1));
        assertThat(throttle.retryAfter(bob, ip(2))).isEmpty();
        throttle.failed(bob, ip(1));
        assertThat(throttle.retryAfter(bob, ip(2))).isPresent();
        assertThat(throttle.retryAfter(name("carol"), ip(1))).as("5 failures from the address").isPresent();
    }

    @Test
    void replicasShareTheCount() throws Exception {
        LoginThrottle other = new LoginThrottle(3, 5, Duration.ofMinutes(10), clock, dataSource);
        String dave = name("dave");
        throttle.failed(dave, ip(3));
        other.failed(dave, ip(4));
        throttle.failed(dave, ip(5));
        assertThat(other.retryAfter(dave, ip(6))).as("three failures over two replicas").isPresent();
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        String eve = name("eve");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        LoginThrottle wide = new LoginThrottle(40, 1000, Duration.ofMinutes(10), clock, dataSource);
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < 39; i++) {
            done.add(pool.submit(() -> wide.failed(eve, ip(10))));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(wide.retryAfter(eve, ip(11))).as("39 of 40").isEmpty();
        wide.failed(eve, ip(10));
        assertThat(wide.retryAfter(eve, ip(11))).as("the 40th").isPresent();
    }
}
