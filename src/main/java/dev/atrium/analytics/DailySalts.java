package dev.atrium.analytics;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;

/**
 * One random salt per UTC day, shared by every replica through the database so that a visitor counts once
 * a day whichever replica served them. A salt is deleted once its day (and the day after, for late
 * writes) is over: from then on nobody, the operator included, can tell whose hash is whose.
 */
@Singleton
class DailySalts {

    private final AgroalDataSource dataSource;
    private final SecureRandom random = new SecureRandom();
    private final Map<LocalDate, String> known = new HashMap<>();

    DailySalts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    synchronized String saltFor(LocalDate day) throws SQLException {
        String salt = known.get(day);
        if (salt == null) {
            salt = loadOrCreate(day);
            known.put(day, salt);
        }
        return salt;
    }

    /** Deletes the salts of days before {@code day}. */
    synchronized void forgetBefore(LocalDate day) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from analytics_salts where salt_day < ?")) {
            delete.setObject(1, day);
            delete.executeUpdate();
        }
        known.keySet().removeIf(d -> d.isBefore(day));
    }

    private String loadOrCreate(LocalDate day) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String existing = load(connection, day);
            if (existing != null) {
                return existing;
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into analytics_salts (salt_day, salt) values (?, ?)")) {
                insert.setObject(1, day);
                insert.setString(2, HexFormat.of().formatHex(bytes));
                insert.executeUpdate();
            } catch (SQLException raced) {
                // another replica created the day's salt first: the primary key refused ours, use theirs
            }
            String salt = load(connection, day);
            if (salt == null) {
                throw new SQLException("no analytics salt for " + day);
            }
            return salt;
        }
    }

    private static String load(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select salt from analytics_salts where salt_day = ?")) {
            select.setObject(1, day);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
