package dev.notebooks.platform.testing.postgres;

import dev.notebooks.platform.testing.LocalPorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server from zonky's embedded binaries, listening on localhost on a chosen port, with its data
 * in {@code <dir>/data} (initialised on first start, kept across restarts) and its output in a log file.
 *
 * <p>PostgreSQL refuses to run as root. When the JVM runs as root and {@code unshare} works, zonky runs initdb,
 * pg_ctl and postgres through {@code unshare -U}: in that user namespace the process has no uid 0, while its
 * files on disk still belong to the real user. As any other user the binaries simply run as that user.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    /** The superuser authenticates with {@code trust}; any password is accepted. */
    public static final String PASSWORD = "postgres";

    /** initdb plus the first start on a busy two-core machine stay well inside this. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code port} with its data in {@code dir/data} and its log in {@code dir/postgres.log}. */
    public static EmbeddedPostgresServer start(Path dir, int port) {
        return start(dir, port, dir.resolve("postgres.log"));
    }

    /** Starts PostgreSQL on {@code port} with its data in {@code dir/data}, appending its output to {@code logFile}. */
    public static EmbeddedPostgresServer start(Path dir, int port, Path logFile) {
        if (LocalPorts.inUse(port)) {
            // zonky would take whatever answers on the port for the server it started
            throw new IllegalStateException("Port " + port + " is already in use; cannot start PostgreSQL there");
        }
        try {
            Files.createDirectories(dir);
            var output = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setLocaleConfig("locale", "C")
                    .setPGStartupWait(STARTUP_WAIT)
                    .setOutputRedirector(output)
                    .setErrorRedirector(output)
                    // whoever starts the server stops it: the test session or the local stack
                    .setRegisterShutdownHook(false)
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + "; see " + logFile, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The JDBC URL of {@code database} on this server (the database must exist; {@code postgres} always does). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Stops the server (fast shutdown); the data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
