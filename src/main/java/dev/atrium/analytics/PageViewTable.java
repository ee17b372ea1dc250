package dev.atrium.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;

/**
 * The {@code page_views} table, written in plain JDBC batches: one statement and one round trip for a whole
 * batch, with no entity per view to build and dirty-check. Views arrive by the hundred each second under load.
 */
@Singleton
class PageViewTable {

    /** One row as stored: the view's time and day (UTC), what was asked for, and the day's visitor pseudonym. */
    record Row(OffsetDateTime at, LocalDate day, String path, String referrerHost, String browser, String device, int status,
            String visitor) {
    }

    private static final String INSERT = "insert into page_views "
            + "(viewed_at, view_day, path, referrer_host, browser, device, status, visitor) values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;

    PageViewTable(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the rows in one batch, on an auto-commit connection: all of them, or (on an error) none counted. */
    void insert(List<Row> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                insert.setObject(1, row.at());
                insert.setObject(2, row.day());
                insert.setString(3, row.path());
                insert.setString(4, row.referrerHost());
                insert.setString(5, row.browser());
                insert.setString(6, row.device());
                insert.setInt(7, row.status());
                insert.setString(8, row.visitor());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
