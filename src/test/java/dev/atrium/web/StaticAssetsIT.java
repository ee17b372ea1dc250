package dev.atrium.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same, against the packaged application: the files are read from its jar (or native image). */
@QuarkusIntegrationTest
class StaticAssetsIT extends StaticAssetsTest {
}
