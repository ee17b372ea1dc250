package dev.atrium.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Both languages in the packaged application (and the native executable: its message bundles and locales). */
@QuarkusIntegrationTest
class LanguageIT extends LanguageTest {
}
