package dev.notebooks.platform.testing.postgres;

import org.testcontainers.containers.PostgreSQLContainer;

/** The Testcontainers path; only loaded when containers are asked for, so Testcontainers stays optional. */
final class PostgresContainerServer {

    private static final String IMAGE = "postgres:17";

    private PostgresContainerServer() {}

    static PostgresFixture.Server start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
        container.start();
        return new PostgresFixture.Server(
                "PostgreSQL container",
                container.getJdbcUrl(),
                container.getUsername(),
                container.getPassword(),
                container::stop);
    }
}
