package dev.notebooks.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.platform.testing.kafka.KafkaFixture;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataSourceFromTestPropertiesTest implements TestPropertyProvider {

    @Inject
    DataSource dataSource;

    @Value("${kafka.bootstrap.servers}")
    String kafkaBootstrapServers;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.postgres("properties_test").kafka().build();
    }

    @Test
    void theApplicationsDataSourceIsTheRequestedDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT current_database()")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("properties_test");
        }
    }

    @Test
    void theApplicationIsPointedAtTheSharedKafka() {
        assertThat(kafkaBootstrapServers).isEqualTo(KafkaFixture.shared().bootstrapServers());
    }
}
