package dev.atrium.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.ApiToken;
import dev.atrium.auth.ApiTokenService;
import dev.atrium.auth.Role;
import dev.atrium.auth.User;
import dev.atrium.testing.BrowserSession;
import io.quarkus.test.junit.QuarkusTest;

/** Administrators manage accounts; every change lands in the audit log, and nobody else gets in. */
@QuarkusTest
class AdminTest {

    @Inject
    AccountFixtures fixtures;
    @Inject
    ApiTokenService tokens;

    private BrowserSession admin;
    private String adminName;

    private void signInAdmin() {
        admin = new BrowserSession();
        adminName = fixtures.signIn(admin, Role.ADMINISTRATOR, true);
    }

    private String list(String query) {
        return admin.get("/admin/users?q=" + query).then().statusCode(200).extract().asString();
    }

    @Test
    void searchesAccountsByUsernameOrEmail() {
        signInAdmin();
        BrowserSession browser = new BrowserSession();
        String username = fixtures.signIn(browser, Role.USER, true);

        assertThat(list(username)).contains("id=\"user-" + username + "\"").contains(username + "@example.org")
                .doesNotContain("id=\"user-" + adminName + "\"");
        assertThat(list(username.toUpperCase() + "@EXAMPLE")).contains("id=\"user-" + username + "\"");
        assertThat(list("no-such-account-anywhere")).contains("No account matches.");
        assertThat(list("%25")).as("a LIKE wildcard is searched for literally").contains("No account matches.");
        admin.get("/admin/users?q=" + "x".repeat(300)).then().statusCode(400).body(containsString("at most 254 characters"));
        admin.get("/admin").then().statusCode(303);
    }

    @Test
    void changingARoleTakesEffectAtOnceAndIsAudited() {
        signInAdmin();
        BrowserSession user = new BrowserSession();
        String username = fixtures.signIn(user, Role.USER, true);
        user.get("/admin/users").then().statusCode(403);

        admin.submit("/admin/users?q=" + username, "/admin/users/" + username + "/role", Map.of("role", "MODERATOR"))
                .then().statusCode(303);
        assertThat(role(username)).isEqualTo(Role.MODERATOR);
        admin.submit("/admin/users?q=" + username, "/admin/users/" + username + "/role", Map.of("role", "ADMINISTRATOR"))
                .then().statusCode(303);
        user.get("/admin/users").then().statusCode(200); // the session already carries the new permissions

        String audit = admin.get("/admin/audit").then().statusCode(200).extract().asString();
        assertThat(audit).contains(adminName).contains("role.change").contains(username)
                .contains("USER → MODERATOR").contains("MODERATOR → ADMINISTRATOR");

        admin.submit("/admin/users?q=" + username, "/admin/users/" + username + "/role", Map.of("role", "EMPEROR"))
                .then().statusCode(400).body(containsString("Choose one of the roles"));
        admin.submit("/admin/users?q=" + username, "/admin/users/nobody-at-all/role", Map.of("role", "USER"))
                .then().statusCode(404).body(containsString("There is no user nobody-at-all."));
        assertThat(role(username)).isEqualTo(Role.ADMINISTRATOR);
    }

    @Test
    void aDisabledAccountLosesItsSessionAndTokensUntilReEnabled() {
        signInAdmin();
        BrowserSession user = new BrowserSession();
        String username = fixtures.signIn(user, Role.USER, true);
        String token = tokens.create(fixtures.idOf(username), "script", ApiToken.Scope.WRITE, null);
        given().header("Authorization", "Bearer " + token).get("/api/v1/users/me").then().statusCode(200);

        admin.submit("/admin/users?q=" + username, "/admin/users/" + username + "/disable", Map.of()).then().statusCode(303);
        assertThat(list(username)).contains("Disabled");
        given().header("Authorization", "Bearer " + token).get("/api/v1/users/me").then().statusCode(401);
        user.get("/settings").then().statusCode(302);
        new BrowserSession().submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD))
                .then().statusCode(400);

        admin.submit("/admin/users?q=" + username, "/admin/users/" + username + "/enable", Map.of()).then().statusCode(303);
        given().header("Authorization", "Bearer " + token).get("/api/v1/users/me").then().statusCode(200);
        new BrowserSession().submit("/login", "/login", Map.of("login", username, "password", AccountFixtures.PASSWORD))
                .then().statusCode(303);

        List<AuditEntry> entries = entriesAbout(username);
        assertThat(entries).extracting(e -> e.actor + " " + e.action)
                .containsExactly(adminName + " account.disable", adminName + " account.enable");
        assertThat(entries).allSatisfy(e -> assertThat(e.at).isNotNull());
    }

    @Test
    void anAdministratorCannotDemoteOrDisableThemselves() {
        signInAdmin();
        admin.submit("/admin/users?q=" + adminName, "/admin/users/" + adminName + "/disable", Map.of())
                .then().statusCode(409).body(containsString("You cannot disable your own account."));
        admin.submit("/admin/users?q=" + adminName, "/admin/users/" + adminName + "/role", Map.of("role", "USER"))
                .then().statusCode(409).body(containsString("You cannot change your own role"));
        assertThat(role(adminName)).isEqualTo(Role.ADMINISTRATOR);
        assertThat(entriesAbout(adminName)).isEmpty();
        admin.get("/admin/users").then().statusCode(200);
    }

    @Test
    void onlyAdministratorsReachTheAdminPagesAndActions() {
        BrowserSession moderator = fixtures.signedIn(Role.MODERATOR, true);
        BrowserSession unconfirmedAdmin = fixtures.signedIn(Role.ADMINISTRATOR, false);
        String victim = fixtures.signIn(new BrowserSession(), Role.USER, true);
        for (String page : List.of("/admin/users", "/admin/audit", "/admin/analytics", "/admin/system")) {
            moderator.get(page).then().statusCode(403);
            unconfirmedAdmin.get(page).then().statusCode(303).header("Location", containsString("/unconfirmed"));
            given().redirects().follow(false).get(page).then().statusCode(302);
        }
        moderator.submit("/", "/admin/users/" + victim + "/disable", Map.of()).then().statusCode(403);
        moderator.submit("/", "/admin/users/" + victim + "/role", Map.of("role", "ADMINISTRATOR")).then().statusCode(403);
        assertThat(role(victim)).isEqualTo(Role.USER);
        assertThat(entriesAbout(victim)).isEmpty();
        moderator.get("/").then().body(not(containsString("href=\"/admin\"")));
        signInAdmin();
        admin.get("/").then().body(containsString("href=\"/admin\""));
    }

    @Test
    void badInputToTheAdminPagesIsRefusedPlainly() {
        signInAdmin();
        String huge = "x".repeat(50_000);
        for (String query : java.util.List.of("%27%20OR%201%3D1--", "%E5%90%8D%E5%AD%97", "%25%5F%5C", "%00", "<script>")) {
            admin.get("/admin/users?q=" + query).then().statusCode(200).body(not(containsString("Exception")));
        }
        // an unreadable date, or a range that cannot be one, is the visitor's mistake; an unknown parameter is ignored
        Map<String, Integer> ranges = new java.util.LinkedHashMap<>();
        ranges.put("from=2026-13-45", 400);
        ranges.put("to=yesterday", 400);
        ranges.put("from=%00&to=%00", 400);
        ranges.put("from=" + huge.substring(0, 5000), 400);
        ranges.put("from=-999999999-01-01&to=%2B999999999-12-31", 400);
        ranges.put("from=2026-01-01&to=2025-01-01", 400);
        ranges.put("page=-1", 200);
        ranges.forEach((range, status) -> admin.get("/admin/analytics?" + range).then().statusCode(status)
                .body(not(containsString("Exception"))));
        admin.get("/admin/audit?page=999999999999").then().statusCode(400);
        // a 50,000-character field is within the form limits and refused as the unknown role it is
        for (String role : java.util.List.of("", "administrator", "ADMINISTRATOR'; drop table users; --", huge)) {
            admin.submit("/admin/users", "/admin/users/" + adminName + "x/role", Map.of("role", role))
                    .then().statusCode(400).body(not(containsString("Exception")));
        }
        admin.submit("/admin/users", "/admin/users/%E5%90%8D%E5%AD%97/disable", Map.of()).then().statusCode(404);
        admin.postWithoutToken("/admin/users/" + adminName + "/disable", Map.of()).then().statusCode(403);
        assertThat(entriesAbout(adminName)).isEmpty();
    }

    @Transactional
    Role role(String username) {
        return User.findByUsername(username).orElseThrow().role;
    }

    @Transactional
    List<AuditEntry> entriesAbout(String username) {
        return AuditEntry.list("target = ?1 order by id", username);
    }
}
