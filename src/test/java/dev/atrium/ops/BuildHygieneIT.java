package dev.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** What the packaged application ships: the production database's driver, not the embedded one of dev and tests. */
class BuildHygieneIT {

    @Test
    void theEmbeddedDatabaseStaysOutOfThePackagedApplication() throws IOException {
        Path lib = Path.of("target", "quarkus-app", "lib", "main");
        assertThat(lib).as("the packaged application is built before the integration tests").isDirectory();
        try (Stream<Path> jars = Files.list(lib)) {
            List<String> names = jars.map(jar -> jar.getFileName().toString()).toList();
            assertThat(names).as("PostgreSQL's driver ships").anyMatch(name -> name.startsWith("org.postgresql.postgresql-"));
            assertThat(names).as("H2 is for dev mode and tests only").noneMatch(name -> name.contains("h2"));
        }
    }
}
