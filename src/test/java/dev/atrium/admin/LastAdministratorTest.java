package dev.atrium.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.auth.User;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** However administrators act, and at whatever moment, the site keeps at least one active administrator. */
@QuarkusTest
class LastAdministratorTest {

    @Inject
    AccountFixtures fixtures;
    @Inject
    AdminService admin;

    @Test
    void twoAdministratorsDemotingEachOtherAtOnceLeaveOneAdministrator() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                BrowserSession first = new BrowserSession();
                String firstName = fixtures.signIn(first, Role.ADMINISTRATOR, true);
                BrowserSession second = new BrowserSession();
                String secondName = fixtures.signIn(second, Role.ADMINISTRATOR, true);
                demoteAllAdministratorsBut(firstName, secondName);

                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Response> byFirst = demoteWhenStarted(pool, start, first, secondName);
                CompletableFuture<Response> bySecond = demoteWhenStarted(pool, start, second, firstName);
                start.countDown();

                List<Response> answers = List.of(byFirst.get(), bySecond.get());
                List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
                answers.stream().filter(answer -> answer.statusCode() == 409).forEach(answer -> assertThat(answer.asString())
                        .contains("The site would have no active administrator left"));
                assertThat(activeAdministrators()).as("round %d: %s", round, statuses).hasSize(1);
                assertThat(statuses).as("one demotion went through, the other was refused or no longer allowed")
                        .contains(303).hasSize(2).anyMatch(status -> status == 409 || status == 403);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theOnlyActiveAdministratorCannotBeDemotedOrDisabledByAnyone() {
        String only = fixtures.signIn(new BrowserSession(), Role.ADMINISTRATOR, true);
        demoteAllAdministratorsBut(only);

        assertThatThrownBy(() -> admin.changeRole("someone-else", only, Role.MODERATOR))
                .isInstanceOf(AdminService.RefusedException.class).hasMessage("last_admin");
        assertThatThrownBy(() -> admin.setDisabled("someone-else", only, true))
                .isInstanceOf(AdminService.RefusedException.class).hasMessage("last_admin");
        assertThat(activeAdministrators()).containsExactly(only);

        // with a second one, either may go
        String another = fixtures.signIn(new BrowserSession(), Role.ADMINISTRATOR, true);
        admin.setDisabled("someone-else", only, true);
        assertThat(activeAdministrators()).containsExactly(another);
    }

    private static CompletableFuture<Response> demoteWhenStarted(ExecutorService pool, CountDownLatch start, BrowserSession actor,
            String target) {
        String page = "/admin/users?q=" + target;
        String token = BrowserSession.csrfToken(actor.get(page).asString());
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return actor.request().contentType("application/x-www-form-urlencoded").formParam("role", "USER")
                    .formParam("csrf-token", token).post("/admin/users/" + target + "/role");
        }, pool);
    }

    @Transactional
    void demoteAllAdministratorsBut(String... kept) {
        User.update("role = ?1 where role = ?2 and username not in ?3", Role.USER, Role.ADMINISTRATOR, List.of(kept));
    }

    @Transactional
    List<String> activeAdministrators() {
        List<String> names = new ArrayList<>();
        User.<User> list("role = ?1 and disabled = false and confirmed = true", Role.ADMINISTRATOR).forEach(user -> names.add(user.username));
        return names;
    }
}
