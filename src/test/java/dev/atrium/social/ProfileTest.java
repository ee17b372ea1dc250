package dev.atrium.social;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import dev.atrium.admin.AuditEntry;
import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.ApiToken;
import dev.atrium.auth.ApiTokenService;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;

/** Profiles: one's own at /settings/profile, what the profile page shows, the avatar, last seen, and the administrator's edit. */
@QuarkusTest
class ProfileTest {

    @Inject
    AccountFixtures fixtures;
    @Inject
    LastSeen lastSeen;
    @Inject
    ApiTokenService apiTokens;

    @Test
    void aUserEditsTheirProfileAndItShowsSanitised() {
        BrowserSession user = new BrowserSession();
        String name = fixtures.signIn(user, Role.USER, true);
        user.get("/settings/profile").then().statusCode(200).body(containsString("name=\"aboutMe\""));

        user.submit("/settings/profile", "/settings/profile", Map.of("realName", "  Ada <Lovelace>  ", "location", "London",
                "aboutMe", "I like **engines**. <script>alert(1)</script> [x](javascript:alert(2))"))
                .then().statusCode(303).header("Location", containsString("/settings/profile?done=saved"));
        user.get("/settings/profile?done=saved").then().body(containsString("Your profile was saved."),
                containsString("value=\"Ada &lt;Lovelace&gt;\""));

        String page = new BrowserSession().get("/users/" + name).then().statusCode(200).extract().asString();
        assertThat(page).contains("Ada &lt;Lovelace&gt;", "London", "<strong>engines</strong>", "Member since")
                .doesNotContain("<script>alert", "javascript:");
        // blank fields clear
        user.submit("/settings/profile", "/settings/profile", Map.of("realName", " ", "location", "", "aboutMe", ""))
                .then().statusCode(303);
        assertThat(new BrowserSession().get("/users/" + name).asString()).doesNotContain("London", "engines");
    }

    @Test
    void overlongFieldsAreReshownWithTheirMessagesAndTheTextKept() {
        BrowserSession user = fixtures.signedIn(Role.USER, true);
        String about = "word ".repeat(500); // 2,500 characters
        String html = user.submit("/settings/profile", "/settings/profile",
                Map.of("realName", "n".repeat(65), "location", "Here", "aboutMe", about))
                .then().statusCode(400).extract().asString();
        assertThat(html).contains("Keep the real name to at most 64 characters.", "Keep “about me” to at most 2,000 characters.",
                "n".repeat(65), about.strip(), "value=\"Here\"", "aria-invalid=\"true\" aria-describedby=\"aboutMe-hint aboutMe-error\"")
                .doesNotContain("location-error");
        // 2,000 Chinese characters are 6,000 bytes: within the limit, which counts characters
        user.submit("/settings/profile", "/settings/profile", Map.of("aboutMe", "字".repeat(2000))).then().statusCode(303);
        BrowserSession chinese = new BrowserSession("zh-CN");
        fixtures.signIn(chinese, Role.USER, true);
        chinese.submit("/settings/profile", "/settings/profile", Map.of("location", "l".repeat(65)))
                .then().statusCode(400).body(containsString("所在地最多 64 个字符。"));
    }

    @Test
    void profileSettingsNeedAConfirmedAccountAndTheToken() {
        new BrowserSession().get("/settings/profile").then().statusCode(302).header("Location", containsString("/login"));
        BrowserSession user = fixtures.signedIn(Role.USER, true);
        user.postWithoutToken("/settings/profile", Map.of("realName", "Forged")).then().statusCode(403);
        assertThat(user.get("/settings/profile").asString()).doesNotContain("Forged");
        assertThat(fixtures.signedIn(Role.USER, false).get("/settings/profile").statusCode()).isNotEqualTo(200);
    }

    @Test
    void theAvatarIsAnSvgDrawnHereKeptForAYear() {
        String one = fixtures.signIn(new BrowserSession(), Role.USER, true);
        String two = fixtures.signIn(new BrowserSession(), Role.USER, true);
        String svg = new BrowserSession().get("/users/" + one + "/avatar.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").doesNotContain(one, "<script", "href");
        assertThat(new BrowserSession().get("/users/" + one.toUpperCase() + "/avatar.svg").asString()).isEqualTo(svg);
        assertThat(new BrowserSession().get("/users/" + two + "/avatar.svg").asString()).isNotEqualTo(svg);
        new BrowserSession().get("/users/nobody-" + one + "/avatar.svg").then().statusCode(404);
        new BrowserSession().get("/users/" + one).then().body(containsString("src=\"/users/" + one + "/avatar.svg\""));
    }

    @Test
    void lastSeenIsWrittenAtMostOnceAMinute() {
        BrowserSession user = new BrowserSession();
        String name = fixtures.signIn(user, Role.USER, true);
        user.get("/about").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> lastSeenOf(name) != null);
        assertThat(new BrowserSession().get("/users/" + name).asString()).contains("Last seen");
        long id = fixtures.idOf(name);
        // noted for this account a moment ago: further requests within the minute write nothing
        assertThat(lastSeen.seen(id)).isFalse();
        var first = lastSeenOf(name);
        user.get("/about").then().statusCode(200);
        assertThat(lastSeenOf(name)).isEqualTo(first);
    }

    /** A script's API calls are not the person being seen: they leave "last seen" as it was. */
    @Test
    void callsWithAnApiTokenDoNotCountAsSeen() {
        BrowserSession user = new BrowserSession();
        String name = fixtures.signIn(user, Role.USER, true);
        String token = apiTokens.create(fixtures.idOf(name), "script", ApiToken.Scope.READ, null);
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer " + token).accept("application/json").get("/api/v1/users/me")
                    .then().statusCode(200);
        }
        // the same path a session's request takes writes within moments; give the token's calls that long and more
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> lastSeenOf(name) == null);

        user.get("/about").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> lastSeenOf(name) != null);
    }

    @Test
    void anAdministratorEditsAnyonesProfileRoleAndConfirmationAndTheAuditLogSaysSo() {
        BrowserSession admin = new BrowserSession();
        String adminName = fixtures.signIn(admin, Role.ADMINISTRATOR, true);
        String target = fixtures.signIn(new BrowserSession(), Role.USER, true);
        admin.get("/admin/users/" + target + "/edit").then().statusCode(200).body(containsString("name=\"confirmed\""));

        admin.submit("/admin/users/" + target + "/edit", "/admin/users/" + target + "/edit",
                Map.of("realName", "Renamed", "location", "", "aboutMe", "", "role", "MODERATOR"))
                .then().statusCode(303);
        assertThat(new BrowserSession().get("/users/" + target).asString()).contains("Renamed");
        assertThat(actionsAbout(target)).containsExactly("profile.edit", "role.change", "account.unconfirm");
        assertThat(auditActors(target)).containsOnly(adminName);

        // bad input is re-shown; refusals change nothing
        admin.submit("/admin/users/" + target + "/edit", "/admin/users/" + target + "/edit",
                Map.of("realName", "x".repeat(70), "role", "USER", "confirmed", "true"))
                .then().statusCode(400).body(containsString("Keep the real name"), containsString("x".repeat(70)));
        admin.submit("/admin/users/" + target + "/edit", "/admin/users/" + target + "/edit", Map.of("role", "KING"))
                .then().statusCode(400);
        admin.submit("/admin/users/" + adminName + "/edit", "/admin/users/" + adminName + "/edit",
                Map.of("role", "ADMINISTRATOR")).then().statusCode(409)
                .body(containsString("You cannot take away your own account&#39;s confirmation."));
        admin.submit("/admin/users/" + target + "/edit", "/admin/users/nobody-" + target + "/edit", Map.of("role", "USER"))
                .then().statusCode(404);
        assertThat(actionsAbout(target)).hasSize(3);

        // nobody else gets in
        BrowserSession moderator = fixtures.signedIn(Role.MODERATOR, true);
        moderator.get("/admin/users/" + target + "/edit").then().statusCode(403);
        moderator.submit("/", "/admin/users/" + target + "/edit", Map.of("role", "ADMINISTRATOR")).then().statusCode(403);
        new BrowserSession().get("/users/" + target).then().body(not(containsString("/admin/users/")));
        admin.get("/users/" + target).then().body(containsString("/admin/users/" + target + "/edit"));
    }

    @Transactional
    java.time.Instant lastSeenOf(String username) {
        return Profile.<Profile> find("username", username).firstResult().lastSeen;
    }

    @Transactional
    List<String> actionsAbout(String username) {
        return AuditEntry.<AuditEntry> list("target = ?1 order by id", username).stream().map(e -> e.action).toList();
    }

    @Transactional
    List<String> auditActors(String username) {
        return AuditEntry.<AuditEntry> list("target = ?1 order by id", username).stream().map(e -> e.actor).toList();
    }

}
