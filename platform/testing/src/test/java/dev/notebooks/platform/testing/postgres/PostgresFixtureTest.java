package dev.notebooks.platform.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PostgresFixtureTest {

    private final PostgresFixture postgres = PostgresFixture.shared();

    @Test
    void aRowInsertedIntoATableIsSelectedBack() throws SQLException {
        try (Connection connection = connect("round_trip");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS greeting (id bigint PRIMARY KEY, text varchar(40) NOT NULL)");
            statement.execute("INSERT INTO greeting VALUES (1, 'hello') ON CONFLICT (id) DO UPDATE SET text = 'hello'");

            ResultSet rows = statement.executeQuery("SELECT text FROM greeting WHERE id = 1");

            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("text")).isEqualTo("hello");
        }
    }

    @Test
    void databasesRequestedUnderTwoNamesAreDistinct() throws SQLException {
        try (Connection first = connect("first_service");
                Statement statement = first.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS only_in_first (id int)");
        }

        try (Connection second = connect("second_service")) {
            assertThat(currentDatabase(second)).isEqualTo("second_service");
            assertThat(tableExists(second, "only_in_first")).isFalse();
        }
        try (Connection first = connect("first_service")) {
            assertThat(currentDatabase(first)).isEqualTo("first_service");
            assertThat(tableExists(first, "only_in_first")).isTrue();
        }
    }

    @Test
    void aDatabaseRequestedFromManyThreadsAtOnceIsCreatedOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> requests =
                    threads.invokeAll(Collections.nCopies(8, () -> postgres.jdbcUrl("requested_concurrently")));

            for (Future<String> request : requests) {
                assertThat(request.get()).endsWith("/requested_concurrently");
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void aDatabaseNameThatIsNotAPlainIdentifierIsRefused() {
        assertThatThrownBy(() -> postgres.jdbcUrl("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDatabaseInAJdbcUrlIsReplacedAndItsParametersKept() {
        assertThat(PostgresFixture.withDatabase("jdbc:postgresql://db.example:5432/postgres?sslmode=require", "outbox"))
                .isEqualTo("jdbc:postgresql://db.example:5432/outbox?sslmode=require");
        assertThat(PostgresFixture.withDatabase("jdbc:postgresql://db.example", "outbox"))
                .isEqualTo("jdbc:postgresql://db.example/outbox");
        assertThat(PostgresFixture.withDatabase(
                        "jdbc:postgresql://one:5432,two:5432/app?targetServerType=primary", "outbox"))
                .isEqualTo("jdbc:postgresql://one:5432,two:5432/outbox?targetServerType=primary");
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_database()")) {
            row.next();
            return row.getString(1);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, "public", table, null)) {
            return tables.next();
        }
    }
}
