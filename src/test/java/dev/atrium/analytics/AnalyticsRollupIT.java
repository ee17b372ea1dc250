package dev.atrium.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atrium.testing.PackagedApp;
import dev.atrium.testing.TestDatabase;

/**
 * The scheduled roll-up runs in the packaged application (natively too, under {@code -Dnative}): views older
 * than the raw retention become daily totals and are deleted. The schedule is brought down to a second so
 * the test sees it. The suite's other instances roll up hourly (their first a minute after start), so within the
 * seconds this test waits the roll-up is, but for a rare coincidence, this application's.
 */
class AnalyticsRollupIT {

    @Test
    void oldViewsBecomeDailyTotalsOnTheSchedule() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("ATRIUM_ANALYTICS_ROLLUP_INTERVAL", "PT1S",
                "ATRIUM_ANALYTICS_ROLLUP_DELAY", "PT1S"))) {
            assertThat(app.awaitManagementStatus("/q/health/ready", 200, Duration.ofSeconds(60)))
                    .as("ready; output:%n%s", app.output()).isTrue();
            // schema in place (Flyway ran at start): two visits, by two visitors, of a page 40 days ago
            String path = "/rollup-it-" + System.nanoTime();
            LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(40);
            try (Connection db = connection()) {
                for (String visitor : new String[] { "visitor-a", "visitor-b" }) {
                    try (PreparedStatement insert = db.prepareStatement("insert into page_views (viewed_at, view_day, path,"
                            + " browser, device, status, visitor) values (?, ?, ?, 'Firefox', 'desktop', 200, ?)")) {
                        insert.setObject(1, OffsetDateTime.of(day.atTime(12, 0), ZoneOffset.UTC));
                        insert.setObject(2, day);
                        insert.setString(3, path);
                        insert.setString(4, visitor);
                        insert.executeUpdate();
                    }
                }
            }

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> count("select count(*) from page_views where path = ?", path) == 0);
            try (Connection db = connection();
                    PreparedStatement select = db.prepareStatement(
                            "select views, visitors from analytics_daily where view_day = ? and dimension = 'page' and name = ?")) {
                select.setObject(1, day);
                select.setString(2, path);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).as("the day's total for the page").isTrue();
                    assertThat(row.getLong(1)).as("views").isEqualTo(2);
                    assertThat(row.getLong(2)).as("visitors").isEqualTo(2);
                }
            }
        }
    }

    private static Connection connection() throws SQLException {
        TestDatabase database = TestDatabase.get();
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection db = connection(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
