package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreAnOutage() {
        assertThat(DatabaseOutage.isCause(new PersistenceException(
                new JDBCConnectionException("no connection", new SQLException("refused", "08001"))))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLTransientConnectionException("acquisition timeout"))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseOutage.isCause(new PersistenceException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
    }
}
