package dev.atrium.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.Slow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A change committed by another replica is never heard of here: the pages held for anonymous readers catch up
 * by expiring (atrium.caches.held-pages-ttl). The change is made here as another replica's is
 * seen, in the database without the event, and both held pages come round to it within that time.
 */
@Slow
@QuarkusTest
class HeldPagesExpiryTest {

    @Inject
    PostService posts;
    @Inject
    AccountFixtures fixtures;
    @ConfigProperty(name = "atrium.caches.held-pages-ttl")
    Duration expiry;

    @Test
    void aChangeMadeElsewhereReachesTheHeldPagesWhenTheyExpire() {
        assertThat(expiry).as("README and the two-instance setup promise at most 30 s").isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
        long author = fixtures.idOf(fixtures.signIn(new BrowserSession(), Role.USER, true));
        long id = posts.create(author, "Elsewhere " + AccountFixtures.unique("t"), "Body.").id();
        String path = "/posts/" + id;
        new BrowserSession().get("/").then().statusCode(200);
        new BrowserSession().get(path).then().statusCode(200);

        String renamed = "Renamed elsewhere " + AccountFixtures.unique("t");
        QuarkusTransaction.requiringNew().run(() -> Post.update("title = ?1 where id = ?2", renamed, id));
        new BrowserSession().get(path).then().statusCode(200).body(org.hamcrest.Matchers.not(containsString(renamed)));

        await().atMost(expiry.plusSeconds(10)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            new BrowserSession().get(path).then().statusCode(200).body(containsString(renamed));
            new BrowserSession().get("/").then().statusCode(200).body(containsString(renamed));
        });
    }
}
