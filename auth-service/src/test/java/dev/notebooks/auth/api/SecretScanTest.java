package dev.notebooks.auth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
import dev.notebooks.platform.testing.postgres.PostgresFixture;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class of this module ({@code junit-platform.properties}) and looks for any password
 * they used, and for anything shaped like a bcrypt hash, everywhere a secret must never reach: the log lines of the
 * whole test JVM, every audit row, every outbox row, every event on the {@code accounts} topic and every HTTP answer.
 */
@Order(Integer.MAX_VALUE)
class SecretScanTest {

    @Test
    void noPasswordOrHashIsLoggedAuditedPublishedOrAnswered() throws SQLException {
        Map<String, List<String>> places = Map.of(
                "log lines", CapturedLogs.lines(),
                "audit rows", rows("select row_to_json(a)::text from audit_record a"),
                "outbox rows", rows("select convert_from(payload, 'UTF8') from outbox_event"),
                "accounts events", accountEvents(),
                "HTTP answers", Http.ANSWERS);
        assertThat(places.get("HTTP answers")).as("the API tests ran first").isNotEmpty();
        assertThat(places.get("audit rows")).isNotEmpty();
        assertThat(places.get("outbox rows")).isNotEmpty();
        assertThat(places.get("log lines")).isNotEmpty();

        places.forEach((place, texts) -> {
            for (String text : texts) {
                assertThat(Secrets.BCRYPT_HASH.matcher(text).find())
                        .as("a bcrypt hash in %s: %s", place, text)
                        .isFalse();
                for (String password : Secrets.used()) {
                    assertThat(text).as("a password in %s", place).doesNotContain(password);
                }
            }
        });
    }

    private static List<String> rows(String query) throws SQLException {
        PostgresFixture postgres = PostgresFixture.shared();
        try (Connection connection = DriverManager.getConnection(
                        postgres.jdbcUrl("auth"), postgres.username(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }

    private static List<String> accountEvents() {
        return new EventTopicReader(Topics.ACCOUNTS)
                .records().stream()
                        .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                        .toList();
    }
}
