package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

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
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(10), clock);

    @Test
    void anAccountIsHeldAfterItsLimitUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfter("Alice", "198.51.100.1")).isEmpty();
            throttle.failed("alice", "198.51.100.1");
        }
        assertThat(throttle.retryAfter("ALICE", "198.51.100.9")).contains(Duration.ofMinutes(10));
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.retryAfter("alice", "198.51.100.9")).contains(Duration.ofMinutes(6));
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(throttle.retryAfter("alice", "198.51.100.9")).isEmpty();
    }

    @Test
    void anAddressIsHeldAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }
        assertThat(throttle.retryAfter("someone-else", "203.0.113.7")).isPresent();
        assertThat(throttle.retryAfter("someone-else", "203.0.113.8")).isEmpty();
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 2; i++) {
            throttle.failed("bob", "192.0.2.1");
        }
        throttle.succeeded("bob");
        throttle.failed("bob", "192.0.2.1");
        throttle.failed("bob", "192.0.2.1");
        assertThat(throttle.retryAfter("bob", "192.0.2.2")).isEmpty();
        throttle.failed("bob", "192.0.2.1");
        assertThat(throttle.retryAfter("bob", "192.0.2.2")).isPresent();
        assertThat(throttle.retryAfter("carol", "192.0.2.1")).as("5 failures from the address").isPresent();
    }
}
