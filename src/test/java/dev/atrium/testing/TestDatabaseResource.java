package dev.atrium.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Hands {@link TestDatabase}'s server to every Quarkus test that needs PostgreSQL: the packaged application
 * of a {@code @QuarkusIntegrationTest} (as system properties on its command line, above the environment), and
 * the application of a {@code @QuarkusTest} under {@code -Ppostgresql}. The H2 unit tests get nothing.
 */
@WithTestResource(value = TestDatabaseResource.class, scope = TestResourceScope.GLOBAL)
public class TestDatabaseResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        if (!TestDatabase.needed()) {
            return Map.of();
        }
        TestDatabase database = TestDatabase.get();
        return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl(), "quarkus.datasource.username", database.username());
    }

    @Override
    public void stop() {
        // the server lives as long as the JVM (TestDatabase stops it at exit), for every test class after this one
    }
}
