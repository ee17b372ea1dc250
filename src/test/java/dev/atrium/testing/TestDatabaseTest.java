package dev.atrium.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/**
 * How the tests find their PostgreSQL (so that {@code ./mvnw verify} needs no server installed): a configured
 * one as given, a local one where it answers, else real PostgreSQL binaries started on a free port. Plain JUnit;
 * it starts an embedded server of its own whatever this machine has.
 */
class TestDatabaseTest {

    /** A port nothing listens on: 1 is reserved (tcpmux) and never served on these machines. */
    private static final String NOBODY_THERE = "jdbc:postgresql://127.0.0.1:1/test";

    @Test
    void aConfiguredServerIsUsedAsGivenEvenWhenItDoesNotAnswer() {
        TestDatabase database = TestDatabase.choose(NOBODY_THERE, "jdbc:postgresql://127.0.0.1:2/test", "someone");
        assertThat(database.jdbcUrl()).isEqualTo(NOBODY_THERE);
        assertThat(database.username()).isEqualTo("someone");
        assertThat(database.origin()).isEqualTo("configured");
    }

    @Test
    void withoutALocalServerAnEmbeddedPostgresqlStartsAndStopsAgain() throws Exception {
        TestDatabase database = TestDatabase.choose(null, NOBODY_THERE, "postgres");
        try {
            assertThat(database.origin()).isEqualTo("embedded");
            assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/test")
                    .isNotEqualTo(NOBODY_THERE);
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
                    Statement statement = connection.createStatement();
                    ResultSet version = statement.executeQuery("show server_version")) {
                assertThat(version.next()).isTrue();
                // the major version production and CI run (postgres:15)
                assertThat(version.getString(1)).startsWith("15.");
                statement.execute("create table t (id bigint primary key)");
            }

            // a server that answers is taken as the local one, and no second one is started
            TestDatabase local = TestDatabase.choose(null, database.jdbcUrl(), "postgres");
            assertThat(local.origin()).isEqualTo("local server");
            assertThat(local.jdbcUrl()).isEqualTo(database.jdbcUrl());
        } finally {
            database.close();
        }
        assertThat(TestDatabase.accepts(database.jdbcUrl(), "postgres")).as("stopped").isFalse();
    }
}
