package dev.notebooks.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every service's own application.yml settles for any deployment: Kafka is not part of readiness (while it is
 * away, events wait in the outbox, so the gateway should keep sending requests; notebook-service's
 * ReadyWhileKafkaIsAwayTest shows it), and no client metrics are pushed to the brokers unless an operator asks.
 */
class ServiceSettingsTest {

    @ParameterizedTest
    @EnumSource(Services.class)
    void kafkaIsNoPartOfReadinessAndPushesNoClientMetrics(Services service) throws IOException {
        JsonNode settings = Chart.YAML.readTree(Path.of("..", service.serviceName, "src/main/resources/application.yml")
                .toFile());

        assertThat(settings.at("/kafka/health/enabled").asText()).isEqualTo("false");
        assertThat(settings.at("/kafka/enable.metrics.push").asText()).isEqualTo("false");
    }
}
