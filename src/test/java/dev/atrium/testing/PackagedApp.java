package dev.atrium.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application started as a real process, for the tests that need what a
 * {@code @QuarkusIntegrationTest} cannot give: signals, exit codes, start-up failures. It is the jar
 * ({@code target/quarkus-app/quarkus-run.jar}), or the native executable under {@code ./mvnw verify -Dnative}.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final Path output;
    private final int port;
    private final int managementPort;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PackagedApp(Process process, Path output, int port, int managementPort) {
        this.process = process;
        this.output = output;
        this.port = port;
        this.managementPort = managementPort;
    }

    public static PackagedApp start(Map<String, String> environment) throws IOException {
        List<String> command = command();
        int port = freePort();
        int managementPort = freePort();
        Path output = Files.createTempFile("atrium-app", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // the integration tests' PostgreSQL: configured, local or embedded (a test may still override it below)
        TestDatabase database = TestDatabase.get();
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", database.username());
        // health and metrics: the management interface, on a port of its own for each process
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        // a null value removes a variable the test run would otherwise pass on
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return new PackagedApp(builder.start(), output, port, managementPort);
    }

    private static List<String> command() {
        if (Boolean.getBoolean("atrium.it.native")) {
            Path executable = Path.of(System.getProperty("native.image.path", "target/atrium-1.0.0-SNAPSHOT-runner"));
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException(executable + " is missing: build it with ./mvnw verify -Dnative");
            }
            // the heap the native container runs with (the native profile's quarkus.test.arg-line), as Quarkus's
            // own launcher starts the executable for the @QuarkusIntegrationTests
            List<String> command = new ArrayList<>(List.of(executable.toString()));
            String argLine = System.getProperty("quarkus.test.arg-line", "").strip();
            if (!argLine.isEmpty()) {
                command.addAll(List.of(argLine.split("\\s+")));
            }
            return command;
        }
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the tests with ./mvnw verify, after package");
        }
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString()));
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** Status of a GET on the public port, or -1 when nothing answers. */
    public int status(String path) {
        return status(port, path);
    }

    /** Status of a GET on the management interface (health, metrics), or -1 when nothing answers. */
    public int managementStatus(String path) {
        return status(managementPort, path);
    }

    private int status(int port, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public boolean awaitStatus(String path, int expected, Duration within) throws InterruptedException {
        return awaitStatus(port, path, expected, within);
    }

    /** Waits for a status on the management interface: {@code awaitManagementStatus("/q/health/ready", 200, ...)}. */
    public boolean awaitManagementStatus(String path, int expected, Duration within) throws InterruptedException {
        return awaitStatus(managementPort, path, expected, within);
    }

    private boolean awaitStatus(int port, String path, int expected, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            if (status(port, path) == expected) {
                return true;
            }
            Thread.sleep(100);
        }
        return status(port, path) == expected;
    }

    public Integer awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
