package dev.atrium.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.analytics.PageViewWriter;
import dev.atrium.testing.BrowserSession;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A client that puts its own entries in front of the trusted proxy's X-Forwarded-For changes neither the
 * address its failed logins are counted against nor the visitor analytics counts it as.
 */
@QuarkusTest
@TestProfile(LowLimits.class)
class ForwardedForTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @Inject
    PageViewWriter writer;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMadeUpFirstEntryDoesNotEscapeTheLoginLimitPerAddress() {
        BrowserSession browser = new BrowserSession();
        String proxySaw = "203.0.113.201";
        for (int i = 0; i < 6; i++) { // the limit per address in this profile
            login(browser, "nobody-" + i, "192.0.2." + i + ", " + proxySaw).then().statusCode(400);
        }
        login(browser, "nobody-else", "192.0.2.99, " + proxySaw).then().statusCode(429);
        login(browser, "nobody-else", "192.0.2.98 , 198.51.100.1," + proxySaw).then().statusCode(429);
        // the same held as two header lines, and a single entry is still believed as it is
        browser.request().header("X-Forwarded-For", "192.0.2.97").header("X-Forwarded-For", proxySaw)
                .contentType("application/x-www-form-urlencoded").formParam("login", "x").formParam("password", "y")
                .formParam("csrf-token", BrowserSession.csrfToken(browser.get("/login").asString())).post("/login")
                .then().statusCode(429);
        login(browser, "nobody-else", "192.0.2.99").then().statusCode(400);
    }

    @Test
    void aMadeUpFirstEntryIsNotANewVisitor() throws Exception {
        String path = "/users/nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            new BrowserSession().request().header("User-Agent", FIREFOX).header("X-Forwarded-For", "192.0.2." + i + ", 203.0.113.202")
                    .get(path).then().statusCode(404);
        }
        writer.flush();
        Set<String> visitors = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select visitor from page_views where path = ?")) {
            select.setString(1, path);
            try (ResultSet rs = select.executeQuery()) {
                int views = 0;
                while (rs.next()) {
                    views++;
                    visitors.add(rs.getString(1));
                }
                assertThat(views).isEqualTo(5);
            }
        }
        assertThat(visitors).as("one address behind the proxy, one visitor").hasSize(1);
    }

    private static Response login(BrowserSession browser, String login, String forwardedFor) {
        String token = BrowserSession.csrfToken(browser.get("/login").asString());
        return browser.request().header("X-Forwarded-For", forwardedFor).contentType("application/x-www-form-urlencoded")
                .formParam("login", login).formParam("password", "wrong password").formParam("csrf-token", token)
                .post("/login");
    }
}
