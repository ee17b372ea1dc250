package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.web.Language;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The same email or username registered at once, many times over, still makes exactly one account. */
@QuarkusTest
class RegistrationRaceTest {

    private static final int RACERS = 8;

    @Inject
    Registration accounts;

    @Test
    void concurrentRegistrationsOfOneAddressMakeOneAccount() throws Exception {
        String email = AccountFixtures.unique("race") + "@example.org";
        List<Object> outcomes = race(i -> accounts.register(email, AccountFixtures.unique("racer"), AccountFixtures.PASSWORD, Language.EN));

        assertThat(outcomes).filteredOn(User.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof User))
                .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(AlreadyTakenException.class,
                        e -> assertThat(e.taken()).isEqualTo(AlreadyTakenException.Taken.EMAIL)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> User.count("email", email))).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOneUsernameMakeOneAccount() throws Exception {
        String username = AccountFixtures.unique("same");
        List<Object> outcomes = race(i -> accounts.register(AccountFixtures.unique("m") + "@example.org", username,
                AccountFixtures.PASSWORD, Language.EN));

        assertThat(outcomes).filteredOn(User.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof User))
                .allSatisfy(o -> assertThat(o).isInstanceOf(AlreadyTakenException.class));
    }

    interface Attempt {
        User run(int i);
    }

    private static List<Object> race(Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int n = i;
                Callable<Object> racer = () -> {
                    start.await();
                    try {
                        return attempt.run(n);
                    } catch (RuntimeException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(racer));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
