package dev.atrium.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the application under test serves health and metrics: Quarkus's management interface, on
 * {@code quarkus.management.test-port} (9001 unless the build sets it, as {@code -Dquarkus.management.test-port=...}
 * does for both the tests and, through pom.xml, the packaged application of the integration tests).
 */
public final class ManagementInterface {

    private static final int DEFAULT_TEST_PORT = 9001;

    private ManagementInterface() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(DEFAULT_TEST_PORT);
    }

    /** The full address of a path on the management interface, e.g. {@code url("/q/health/ready")}. */
    public static String url(String path) {
        return "http://localhost:" + port() + path;
    }
}
