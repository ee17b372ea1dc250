package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The shared counters under concurrency, as many logins to one account at once use them. */
@QuarkusTest
class RateLimitsTest {

    @Inject
    RateLimits limits;

    @Test
    void aKeyClearedWhileOthersCountItIsCountedAgainNeverLost() throws Exception {
        // a correct password clears its key while other logins to the same account are counting it: each of
        // them must still get a count (once a 500, "A rate limit row vanished", a few times in a hundred)
        RateLimits.Limit limit = new RateLimits.Limit("test-race", "key-" + System.nanoTime(), 1_000_000, Duration.ofMinutes(10));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                workers.add(pool.submit(() -> {
                    for (int n = 0; n < 100; n++) {
                        assertThat(limits.attempt(limit).refused()).isFalse();
                        limits.clear(limit.action(), limit.key());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(); // rethrows a worker's failure
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
