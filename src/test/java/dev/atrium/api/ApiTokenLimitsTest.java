package dev.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** An API token asks for the password to be made, and carries a scope and an optional expiry that the API enforces. */
@QuarkusTest
class ApiTokenLimitsTest {

    @Inject
    AccountFixtures fixtures;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void creatingATokenAsksForTheCurrentPassword() {
        BrowserSession browser = fixtures.signedIn(Role.USER, true);
        Map<String, String> form = ApiTokens.form("script", "write", "none");
        form.put("currentPassword", "not my password");

        browser.submit("/settings", "/settings/tokens", form).then().statusCode(400)
                .body(containsString("The current password is not right."), not(containsString("new-token")),
                        containsString("value=\"script\""));
        form.remove("currentPassword");
        browser.submit("/settings", "/settings/tokens", form).then().statusCode(400)
                .body(containsString("The current password is not right."), not(containsString("new-token")));
        browser.get("/settings").then().statusCode(200).body(containsString("You have no tokens."));
    }

    @Test
    void aReadTokenReadsButCannotWrite() {
        BrowserSession browser = fixtures.signedIn(Role.ADMINISTRATOR, true);
        String reader = ApiTokens.created(browser.submit("/settings", "/settings/tokens", ApiTokens.form("reader", "read", "none")));
        String writer = ApiTokens.created(browser.submit("/settings", "/settings/tokens", ApiTokens.form("writer", "write", "none")));
        String settings = browser.get("/settings").asString();
        assertThat(settings).contains("Read only; Never expires").contains("Read and write; Never expires");

        ApiTokens.bearer(reader).accept("application/json").get("/api/v1/users/me").then().statusCode(200);
        ApiTokens.bearer(reader).accept("application/json").get("/api/v1/posts").then().statusCode(200);
        ApiTokens.bearer(reader).accept("application/json").contentType("application/json")
                .body(Map.of("markdown", "*hi*")).post("/api/v1/markdown").then().statusCode(200);
        ApiTokens.bearer(reader).accept("application/json").contentType("application/json")
                .body(Map.of("title", "Not allowed", "body", "x")).post("/api/v1/posts").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403), "detail", containsString("read"));

        String location = ApiTokens.bearer(writer).accept("application/json").contentType("application/json")
                .body(Map.of("title", "Allowed", "body", "x")).post("/api/v1/posts").then().statusCode(201)
                .extract().header("Location");
        String path = location.substring(location.indexOf("/api/v1/posts/"));
        ApiTokens.bearer(reader).accept("application/json").contentType("application/json")
                .body(Map.of("title", "Changed", "body", "y")).put(path).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        ApiTokens.bearer(reader).accept("application/json").delete(path).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        ApiTokens.bearer(writer).accept("application/json").delete(path).then().statusCode(204);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        BrowserSession browser = fixtures.signedIn(Role.USER, true);
        String token = ApiTokens.created(browser.submit("/settings", "/settings/tokens", ApiTokens.form("monthly", "write", "30")));
        String listed = browser.get("/settings").asString();
        assertThat(listed).contains("Read and write; Expires " + LocalDate.now(ZoneOffset.UTC).plusDays(30));
        ApiTokens.bearer(token).accept("application/json").get("/api/v1/users/me").then().statusCode(200);

        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement(
                "update api_tokens set expires_at = ? where name = 'monthly' and user_id = ?")) {
            update.setObject(1, java.time.OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));
            update.setLong(2, fixtures.idOf(listed.replaceAll("(?s).*Signed in as ([a-z0-9]+).*", "$1")));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        ApiTokens.bearer(token).accept("application/json").get("/api/v1/users/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        browser.get("/settings").then().body(containsString("Read and write; Expired "));
    }

    @Test
    void anExpiryOnAChosenDate() {
        BrowserSession browser = fixtures.signedIn(Role.USER, true);
        LocalDate date = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        Map<String, String> form = ApiTokens.form("dated", "read", "date");
        form.put("expiresOn", date.toString());
        String token = ApiTokens.created(browser.submit("/settings", "/settings/tokens", form));
        ApiTokens.bearer(token).accept("application/json").get("/api/v1/users/me").then().statusCode(200);
        browser.get("/settings").then().body(containsString("Read only; Expires " + date));
    }

    @Test
    void badScopesAndExpiriesAreFormErrors() {
        BrowserSession browser = fixtures.signedIn(Role.USER, true);
        browser.submit("/settings", "/settings/tokens", ApiTokens.form("n".repeat(61), "read", "none")).then().statusCode(400)
                .body(containsString("Give the token a name of at most 60 characters."), not(containsString("new-token")));
        for (String blank : new String[] { "", "   ", " \t " }) {
            browser.submit("/settings", "/settings/tokens", ApiTokens.form(blank, "read", "none")).then().statusCode(400)
                    .body(containsString("Give the token a name of at most 60 characters."), not(containsString("new-token")));
        }
        Map<String, String> form = ApiTokens.form("x", "admin", "none");
        browser.submit("/settings", "/settings/tokens", form).then().statusCode(400)
                .body(containsString("Choose what the token may do."), not(containsString("new-token")));
        for (String[] expiry : new String[][] { { "7", "" }, { "date", "" }, { "date", "yesterday" },
                { "date", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString() },
                { "date", LocalDate.now(ZoneOffset.UTC).plusYears(3).toString() } }) {
            form = ApiTokens.form("x", "read", expiry[0]);
            form.put("expiresOn", expiry[1]);
            browser.submit("/settings", "/settings/tokens", form).then().statusCode(400)
                    .body(containsString("Choose when the token expires"), not(containsString("new-token")));
        }
        browser.get("/settings").then().statusCode(200).body(containsString("You have no tokens."));
    }
}
