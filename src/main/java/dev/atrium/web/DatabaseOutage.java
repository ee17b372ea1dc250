package dev.atrium.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached from one that refused a statement. The first is an outage, not a
 * bug: the answer is 503 (try again later) and readiness is already DOWN; the second stays a 500.
 */
final class DatabaseOutage {

    private static final String CONNECTION_EXCEPTION_CLASS = "08"; // SQLSTATE class: connection exception

    private DatabaseOutage() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true; // includes the pool's "no connection within the acquisition timeout"
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }
}
