package dev.atrium.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;

/**
 * Reads the figures back for the dashboard, from recent single views and rolled-up days alike. Unique
 * visitors are unique per day (the hash changes daily), so a range's visitors are the sum of its days'.
 */
@Singleton
class AnalyticsReport {

    public record Day(LocalDate day, long views, long visitors) {
    }

    public record Row(String name, long views, long visitors) {
    }

    private final AgroalDataSource dataSource;

    AnalyticsReport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every day of the range, oldest first, with zeros for days without views. */
    public List<Day> daily(LocalDate from, LocalDate to) throws SQLException {
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new long[2]);
        }
        String sql = "select view_day, count(*), count(distinct visitor) from page_views where view_day between ? and ?"
                + " group by view_day union all select view_day, views, visitors from analytics_daily"
                + " where dimension = 'total' and view_day between ? and ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            bindRange(select, from, to);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long[] counts = days.get(rs.getObject(1, LocalDate.class));
                    counts[0] += rs.getLong(2);
                    counts[1] += rs.getLong(3);
                }
            }
        }
        List<Day> result = new ArrayList<>(days.size());
        days.forEach((day, counts) -> result.add(new Day(day, counts[0], counts[1])));
        return result;
    }

    /** The {@code limit} values of a dimension with the most views in the range. */
    public List<Row> top(Dimension dimension, LocalDate from, LocalDate to, int limit) throws SQLException {
        String sql = "select name, sum(views) as v, sum(visitors) as u from ("
                + "select " + dimension.column + " as name, count(*) as views, count(distinct visitor) as visitors"
                + " from page_views where view_day between ? and ? and " + dimension.column + " is not null"
                + " group by view_day, " + dimension.column
                + " union all select name, views, visitors from analytics_daily"
                + " where view_day between ? and ? and dimension = '" + dimension.key + "'"
                + ") t group by name order by v desc, name limit ?";
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            bindRange(select, from, to);
            select.setInt(5, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return rows;
    }

    private static void bindRange(PreparedStatement statement, LocalDate from, LocalDate to) throws SQLException {
        statement.setObject(1, from);
        statement.setObject(2, to);
        statement.setObject(3, from);
        statement.setObject(4, to);
    }
}
