package dev.atrium.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The outbox's rows as senders take and settle them, in plain SQL that PostgreSQL and H2 both run. A claim
 * locks due rows with {@code FOR UPDATE SKIP LOCKED}, so senders on other replicas (or on this one) that
 * claim at the same moment pass over them rather than wait or take them too, and moves them past the lease,
 * so that once the claim commits nobody else finds them due while they are being delivered.
 */
@Singleton
class OutboxClaims {

    /** A claimed mail: everything needed to send it, and which attempt this is (1 for the first). */
    record Claimed(long id, String kind, String recipient, String subject, String text, String html, int attempt) {
    }

    /*
     * No ORDER BY: H2 sorts and limits first and skips locked rows after, so a claim running beside another would
     * get nothing at all; without it both databases skip locked rows as they scan. The order mail goes in does
     * not matter: a sender claims batch after batch until none is due.
     */
    private static final String DUE = "select id, kind, recipient, subject, text_body, html_body, attempts from mail_outbox"
            + " where status = 'PENDING' and next_attempt_at <= ? limit ? for update skip locked";
    private static final String TAKE = "update mail_outbox set attempts = attempts + 1, next_attempt_at = ? where id = ?";
    /** Sent: the bodies, which hold a signed link, are not kept. */
    private static final String SENT = "update mail_outbox set status = 'SENT', sent_at = ?, last_error = null,"
            + " text_body = null, html_body = null where id = ? and status = 'PENDING'";
    private static final String RETRY = "update mail_outbox set next_attempt_at = ?, last_error = ? where id = ? and status = 'PENDING'";
    private static final String GIVE_UP = "update mail_outbox set status = 'FAILED', last_error = ?,"
            + " text_body = null, html_body = null where id = ? and status = 'PENDING'";
    private static final String FORGET = "delete from mail_outbox where status <> 'PENDING' and created_at < ?";
    /** Only the states the index leads to: sent mail, the bulk of the table, is never counted. */
    private static final String COUNT = "select status, count(*), min(created_at) from mail_outbox"
            + " where status in ('PENDING', 'FAILED') group by status";
    private static final int MAX_ERROR = 500;

    private final AgroalDataSource dataSource;

    OutboxClaims(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims up to {@code limit} mails due at {@code now} and hides them from other claims until {@code leaseEnds},
     * in a transaction of its own (or the caller's, if it has one: the rows stay locked until it ends).
     */
    List<Claimed> claim(Instant now, int limit, Instant leaseEnds) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Claimed> claimed = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement due = connection.prepareStatement(DUE);
                    PreparedStatement take = connection.prepareStatement(TAKE)) {
                due.setObject(1, utc(now));
                due.setInt(2, limit);
                try (ResultSet rs = due.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getInt(7) + 1));
                    }
                }
                for (Claimed mail : claimed) {
                    take.setObject(1, utc(leaseEnds));
                    take.setLong(2, mail.id());
                    take.addBatch();
                }
                if (!claimed.isEmpty()) {
                    take.executeBatch();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not claim mail from the outbox", e);
            }
            return claimed;
        });
    }

    void sent(long id, Instant at) {
        update(SENT, utc(at), id);
    }

    void retryAt(long id, Instant next, String error) {
        update(RETRY, utc(next), shortened(error), id);
    }

    void giveUp(long id, String error) {
        update(GIVE_UP, shortened(error), id);
    }

    /** Deletes sent and failed mails queued before {@code cutoff}; returns how many. */
    int forgetFinishedBefore(Instant cutoff) {
        return update(FORGET, utc(cutoff));
    }

    /** How many mails are pending and failed, and when the oldest pending one was queued. */
    record Counts(long pending, long failed, Instant oldestPending) {
    }

    Counts counts() {
        long pending = 0;
        long failed = 0;
        Instant oldest = null;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(COUNT);
                ResultSet rs = count.executeQuery()) {
            while (rs.next()) {
                switch (rs.getString(1)) {
                    case "PENDING" -> {
                        pending = rs.getLong(2);
                        oldest = rs.getObject(3, OffsetDateTime.class).toInstant();
                    }
                    case "FAILED" -> failed = rs.getLong(2);
                    default -> {
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the outbox", e);
        }
        return new Counts(pending, failed, oldest);
    }

    private int update(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setObject(i + 1, parameters[i]);
                }
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not update the outbox", e);
            }
        });
    }

    private static String shortened(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error.strip();
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
