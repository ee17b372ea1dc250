package dev.atrium.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.atrium.config.AtriumConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps single page views for {@code atrium.analytics.raw-retention}, then folds each older day into
 * {@code analytics_daily} and deletes its views, in one transaction per day. Several replicas may run
 * this at once: the daily table's primary key lets only the first one's rows in, and the others roll back.
 */
@Singleton
class AnalyticsRollup {

    private static final Logger LOG = Logger.getLogger(AnalyticsRollup.class);

    private final AgroalDataSource dataSource;
    private final DailySalts salts;
    private final long retentionDays;
    private final Clock clock = Clock.systemUTC();

    AnalyticsRollup(AgroalDataSource dataSource, DailySalts salts, AtriumConfig config) {
        this.dataSource = dataSource;
        this.salts = salts;
        this.retentionDays = config.analytics().rawRetention().toDays();
    }

    // the schedule is read from the configuration by the scheduler; AtriumConfig declares the keys, SettingBounds bounds them
    @Scheduled(every = "${atrium.analytics.rollup-interval}", delayed = "${atrium.analytics.rollup-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        try {
            rollUp(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        } catch (SQLException e) {
            LOG.warnf("Analytics roll-up skipped, will retry: %s", e.getMessage());
        }
    }

    /** Rolls up every day older than the retention as seen from {@code today}; returns the days rolled up. */
    public int rollUp(LocalDate today) throws SQLException {
        salts.forgetBefore(today.minusDays(1));
        int rolled = 0;
        for (LocalDate day : daysBefore(today.minusDays(retentionDays - 1))) {
            if (rollUpDay(day)) {
                rolled++;
            }
        }
        return rolled;
    }

    private List<LocalDate> daysBefore(LocalDate cutoff) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select distinct view_day from page_views where view_day < ? order by view_day")) {
            select.setObject(1, cutoff);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return days;
    }

    private boolean rollUpDay(LocalDate day) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, day, "select view_day, 'total', '', count(*), count(distinct visitor) from page_views"
                        + " where view_day = ? group by view_day");
                for (Dimension dimension : Dimension.values()) {
                    insert(connection, day, "select view_day, '" + dimension.key + "', " + dimension.column
                            + ", count(*), count(distinct visitor) from page_views where view_day = ? and "
                            + dimension.column + " is not null group by view_day, " + dimension.column);
                }
                try (PreparedStatement delete = connection.prepareStatement("delete from page_views where view_day = ?")) {
                    delete.setObject(1, day);
                    delete.executeUpdate();
                }
                connection.commit();
                LOG.infof("Rolled up the page views of %s", day);
                return true;
            } catch (SQLException e) {
                connection.rollback();
                // most likely another replica rolled the same day up first; the next run sees it gone
                LOG.debugf("Roll-up of %s rolled back: %s", day, e.getMessage());
                return false;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void insert(Connection connection, LocalDate day, String select) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into analytics_daily (view_day, dimension, name, views, visitors) " + select)) {
            insert.setObject(1, day);
            insert.executeUpdate();
        }
    }
}
