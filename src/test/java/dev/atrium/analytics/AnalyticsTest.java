package dev.atrium.analytics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atrium.auth.AccountFixtures;
import dev.atrium.auth.Role;
import dev.atrium.testing.BrowserSession;
import dev.atrium.testing.PostFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Page views: what is recorded, what is never stored, how days roll up, and the dashboard that shows them. */
@QuarkusTest
class AnalyticsTest {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    @Inject
    PageViewWriter writer;
    @Inject
    AnalyticsRollup rollup;
    @Inject
    AnalyticsReport report;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AccountFixtures fixtures;

    private static RequestSpecification browser(String userAgent, String address) {
        return given().redirects().follow(false).accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .header("User-Agent", userAgent).header("X-Forwarded-For", address);
    }

    @Test
    void everyPageServedIsRecordedOnceWithoutTheAddressOrAgent() throws Exception {
        String path = "/users/nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String marker = "Marker" + UUID.randomUUID().toString().substring(0, 8);
        String agent = FIREFOX + " " + marker;
        for (int i = 0; i < 7; i++) {
            browser(agent, "203.0.113.77").header("Referer", "https://news.example.com/story?id=" + i).get(path)
                    .then().statusCode(404);
        }
        browser(IPHONE, "203.0.113.77").get(path).then().statusCode(404);
        browser(FIREFOX, "198.51.100.9").header("Referer", "http://localhost:8081/").get(path).then().statusCode(404);
        writer.flush();

        List<List<String>> rows = rows("select path, referrer_host, browser, device, status, visitor from page_views where path = ?", path);
        assertThat(rows).hasSize(9);
        assertThat(rows).allSatisfy(row -> assertThat(row.get(4)).isEqualTo("404"));
        assertThat(rows).filteredOn(row -> "news.example.com".equals(row.get(1))).hasSize(7);
        assertThat(rows).filteredOn(row -> row.get(1) == null).as("no referrer, or this site itself").hasSize(2);
        assertThat(rows).filteredOn(row -> row.get(2).equals("Safari") && row.get(3).equals("mobile")).hasSize(1);
        assertThat(rows).filteredOn(row -> row.get(2).equals("Firefox") && row.get(3).equals("desktop")).hasSize(8);
        assertThat(rows.stream().map(row -> row.get(5)).distinct()).as("three address and agent pairs, three visitors").hasSize(3);

        for (String table : List.of("page_views", "analytics_daily", "analytics_salts")) {
            assertThat(rows("select * from " + table).toString()).as(table)
                    .doesNotContain("203.0.113.77").doesNotContain("198.51.100.9").doesNotContain(marker).doesNotContain("Mozilla");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(report.top(Dimension.PAGE, today, today, 1000))
                .contains(new AnalyticsReport.Row(path, 9, 3));
    }

    @Test
    void botsProbesStaticFilesTheApiAndNonPagesAreNotRecorded() throws Exception {
        writer.flush();
        long before = count("select count(*) from page_views");
        String path = "/users/nobody-" + UUID.randomUUID().toString().substring(0, 8);
        browser("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "192.0.2.1").get(path);
        browser("curl/8.5.0", "192.0.2.1").get(path);
        given().accept("text/html").get(path); // an HTTP library's own agent
        browser(FIREFOX, "192.0.2.1").accept("application/json").get("/no-such-page").then().statusCode(404); // a problem document
        browser(FIREFOX, "192.0.2.1").get("/q/health/ready");
        browser(FIREFOX, "192.0.2.1").get("/app.css").then().statusCode(200);
        browser(FIREFOX, "192.0.2.1").accept("application/json").get("/api/v1/posts").then().statusCode(200);
        browser(FIREFOX, "192.0.2.1").get("/language?lang=en&next=/").then().statusCode(303); // a redirect, not a page
        writer.flush();
        assertThat(count("select count(*) from page_views") - before).isZero();
    }

    @Test
    void aRevalidatedPageCountsAsAView() throws Exception {
        // a post's page sends validators (the anonymous one held on the event loop, ahead of the resources)
        String path = PostFixtures.publish(fixtures.signedIn(Role.USER, true), AccountFixtures.unique("revalidated"));
        var first = browser(FIREFOX, "192.0.2.2").get(path);
        first.then().statusCode(200);
        String etag = first.header("ETag");
        assertThat(etag).as("the post page's validator").isNotNull();
        browser(FIREFOX, "192.0.2.2").header("If-None-Match", etag).get(path).then().statusCode(304);
        writer.flush();
        assertThat(count("select count(*) from page_views where path = '" + path + "' and status = 200")).isEqualTo(1);
        assertThat(count("select count(*) from page_views where path = '" + path + "' and status = 304")).isEqualTo(1);
    }

    @Test
    void oldDaysAreRolledUpIntoDailyTotalsAndTheirViewsDeleted() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // a fixed day well past the retention, emptied first: a run on a kept database (-Ppostgresql) may have rolled it up before
        LocalDate old = today.minusDays(123);
        try (Connection c = dataSource.getConnection(); Statement clear = c.createStatement()) {
            clear.executeUpdate("delete from analytics_daily where view_day = '" + old + "'");
            clear.executeUpdate("delete from page_views where view_day = '" + old + "'");
        }
        String path = "/posts/rolled-" + UUID.randomUUID().toString().substring(0, 8);
        insertView(old, path, "a.example", "Firefox", "desktop", "v1");
        insertView(old, path, "a.example", "Firefox", "desktop", "v1");
        insertView(old, path, null, "Chrome", "mobile", "v2");
        insertView(old, "/about", "b.example", "Chrome", "mobile", "v2");
        List<AnalyticsReport.Day> before = report.daily(old, old);
        List<AnalyticsReport.Row> pagesBefore = report.top(Dimension.PAGE, old, old, 10);

        assertThat(rollup.rollUp(today)).isGreaterThanOrEqualTo(1);

        assertThat(count("select count(*) from page_views where view_day = '" + old + "'")).isZero();
        assertThat(report.daily(old, old)).isEqualTo(before).containsExactly(new AnalyticsReport.Day(old, 4, 2));
        assertThat(report.top(Dimension.PAGE, old, old, 10)).isEqualTo(pagesBefore)
                .containsExactly(new AnalyticsReport.Row(path, 3, 2), new AnalyticsReport.Row("/about", 1, 1));
        assertThat(report.top(Dimension.REFERRER, old, old, 10)).containsExactly(
                new AnalyticsReport.Row("a.example", 2, 1), new AnalyticsReport.Row("b.example", 1, 1));
        assertThat(report.top(Dimension.DEVICE, old, old, 10)).containsExactly(
                new AnalyticsReport.Row("desktop", 2, 1), new AnalyticsReport.Row("mobile", 2, 1));
        assertThat(rollup.rollUp(today)).as("nothing left to roll up").isZero();
        assertThat(count("select count(*) from analytics_salts where salt_day < '" + today.minusDays(1) + "'")).isZero();
    }

    @Test
    void theDashboardIsForAdministratorsAndShowsTheFigures() throws Exception {
        String path = "/users/dash-" + UUID.randomUUID().toString().substring(0, 8);
        browser(FIREFOX, "192.0.2.3").header("Referer", "https://dashboard-referrer.example/").get(path);
        writer.flush();

        BrowserSession admin = fixtures.signedIn(Role.ADMINISTRATOR, true);
        String page = admin.get("/admin/analytics").then().statusCode(200).extract().asString();
        assertThat(page).contains(path).contains("dashboard-referrer.example").contains("<svg").contains("Firefox");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String week = admin.get("/admin/analytics?from=" + today.minusDays(6) + "&to=" + today).then().statusCode(200)
                .extract().asString();
        // the numbers as a table, each day a row headed by its date
        assertThat(week).contains("<th scope=\"row\"><time datetime=\"" + today + "\">" + today + "</time></th>")
                .contains("<caption>Page views and visitors per day</caption>");
        // the chart: both axes, a scale from 0, and every day of a week under its bar
        assertThat(week).contains("<g class=\"axis\">").containsPattern("<text class=\"scale\" x=\"\\d+\" y=\"\\d+\">0</text>")
                .contains(String.format(">%02d-%02d</text>", today.getMonthValue(), today.getDayOfMonth()))
                .contains(String.format(">%02d-%02d</text>", today.minusDays(6).getMonthValue(), today.minusDays(6).getDayOfMonth()))
                .contains("<title>" + today + ": ");

        admin.get("/admin/analytics?from=yesterday").then().statusCode(400)
                .body(containsString("&#39;from&#39; must be a date such as 2026-11-25."));
        admin.get("/admin/analytics?from=2026-02-01&to=2026-01-01").then().statusCode(400)
                .body(containsString("The range must start before it ends."));
        admin.get("/admin/analytics?from=2020-01-01&to=2026-01-01").then().statusCode(400)
                .body(containsString("at most 366 days"));

        fixtures.signedIn(Role.MODERATOR, true).get("/admin/analytics").then().statusCode(403);
        given().redirects().follow(false).get("/admin/analytics").then().statusCode(302);
    }

    private void insertView(LocalDate day, String path, String referrer, String browser, String device, String visitor)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into page_views (viewed_at, view_day, path, referrer_host, browser, device, status, visitor)"
                        + " values (?, ?, ?, ?, ?, ?, 200, ?)")) {
            insert.setObject(1, OffsetDateTime.of(day.atTime(12, 0), ZoneOffset.UTC));
            insert.setObject(2, day);
            insert.setString(3, path);
            insert.setString(4, referrer);
            insert.setString(5, browser);
            insert.setString(6, device);
            insert.setString(7, visitor);
            insert.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(rows(sql).get(0).get(0));
    }

    private List<List<String>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
