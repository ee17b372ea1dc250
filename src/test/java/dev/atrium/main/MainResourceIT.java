package dev.atrium.main;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same page tests, against the packaged application. */
@QuarkusIntegrationTest
class MainResourceIT extends MainResourceTest {
}
