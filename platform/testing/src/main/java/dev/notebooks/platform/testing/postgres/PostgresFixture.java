package dev.notebooks.platform.testing.postgres;

import dev.notebooks.platform.testing.Containers;
import dev.notebooks.platform.testing.FixtureFiles;
import dev.notebooks.platform.testing.LocalPorts;
import dev.notebooks.platform.testing.SharedFixtures;
import dev.notebooks.platform.testing.Timing;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server every test in this JVM shares, started on first use: the server named by
 * {@code DATASOURCES_DEFAULT_URL} (with {@code DATASOURCES_DEFAULT_USERNAME} and {@code _PASSWORD}) when set, a
 * Testcontainers PostgreSQL when {@linkplain Containers#requested() asked for}, otherwise an
 * {@link EmbeddedPostgresServer} on a free port. Each service's tests use their own database on it.
 */
public final class PostgresFixture {

    public static final String URL_ENV = "DATASOURCES_DEFAULT_URL";
    public static final String USERNAME_ENV = "DATASOURCES_DEFAULT_USERNAME";
    public static final String PASSWORD_ENV = "DATASOURCES_DEFAULT_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresFixture.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private static PostgresFixture shared;

    private final Server server;
    private final Set<String> knownDatabases = new HashSet<>();

    private PostgresFixture(Server server) {
        this.server = server;
    }

    /** The JVM-wide server, started by the first caller; stopped when the test session ends. */
    public static synchronized PostgresFixture shared() {
        if (shared == null) {
            long started = System.nanoTime();
            Server server = startServer();
            shared = new PostgresFixture(server);
            SharedFixtures.closeAtEnd(server.description(), () -> {
                forgetShared();
                server.stop().close();
            });
            LOG.info("{} ready in {} ms at {}", server.description(), Timing.millisSince(started), server.url());
        }
        return shared;
    }

    /**
     * The JDBC URL of {@code database}, created on first request if the server does not have it yet. Names are
     * lower-case SQL identifiers ({@code [a-z_][a-z0-9_]*}), e.g. the service's name.
     */
    public synchronized String jdbcUrl(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        if (!knownDatabases.contains(database)) {
            createIfAbsent(database);
            knownDatabases.add(database);
        }
        return withDatabase(server.url(), database);
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    /** Micronaut's {@code datasources.default.*} for {@code database}, created if absent. Flyway is left as configured. */
    public Map<String, String> properties(String database) {
        return Map.of(
                "datasources.default.url", jdbcUrl(database),
                "datasources.default.username", username(),
                "datasources.default.password", password(),
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES");
    }

    private void createIfAbsent(String database) {
        try (Connection connection = DriverManager.getConnection(server.url(), username(), password())) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                if (exists.executeQuery().next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // the name was checked against DATABASE_NAME; CREATE DATABASE takes no bind parameters
                create.execute("CREATE DATABASE " + database);
            }
            LOG.info("Created database {}", database);
        } catch (SQLException e) {
            // another JVM sharing an external server may have created it a moment ago
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + database, e);
            }
        }
    }

    /** {@code jdbc:postgresql://host:port/anything?params} with the database replaced, parameters kept. */
    static String withDatabase(String jdbcUrl, String database) {
        String prefix = "jdbc:";
        try {
            URI uri = new URI(jdbcUrl.substring(prefix.length()));
            return prefix + new URI(uri.getScheme(), uri.getRawAuthority(), "/" + database, uri.getRawQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl, e);
        }
    }

    private static synchronized void forgetShared() {
        shared = null;
    }

    private static Server startServer() {
        String externalUrl = System.getenv(URL_ENV);
        if (externalUrl != null && !externalUrl.isBlank()) {
            return new Server(
                    "PostgreSQL from " + URL_ENV,
                    externalUrl,
                    Objects.requireNonNullElse(System.getenv(USERNAME_ENV), ""),
                    Objects.requireNonNullElse(System.getenv(PASSWORD_ENV), ""),
                    () -> {});
        }
        if (Containers.requested()) {
            return PostgresContainerServer.start();
        }
        Path dir = FixtureFiles.temporaryDirectory("platform-postgres-");
        EmbeddedPostgresServer embedded =
                EmbeddedPostgresServer.start(dir, LocalPorts.free(), FixtureFiles.freshLogFile("postgres.log"));
        return new Server(
                "Embedded PostgreSQL",
                embedded.jdbcUrl("postgres"),
                EmbeddedPostgresServer.SUPERUSER,
                EmbeddedPostgresServer.PASSWORD,
                () -> {
                    embedded.close();
                    FixtureFiles.deleteRecursively(dir);
                });
    }

    /** Where the server is and how to stop it; {@code url} names a database that exists on it. */
    record Server(String description, String url, String username, String password, AutoCloseable stop) {}
}
