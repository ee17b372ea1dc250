package dev.atrium.health;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same probes, against the packaged application. */
@QuarkusIntegrationTest
class HealthIT extends HealthTest {
}
