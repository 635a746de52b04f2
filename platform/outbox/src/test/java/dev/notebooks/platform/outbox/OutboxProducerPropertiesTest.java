package dev.notebooks.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class OutboxProducerPropertiesTest {

    @Test
    void theProducerIsIdempotentWaitsForAllReplicasAndNeverBlocksUnbounded() {
        OutboxConfiguration configuration = new OutboxConfiguration();
        configuration.setMaxBlock(Duration.ofSeconds(3));
        configuration.setDeliveryTimeout(Duration.ofSeconds(20));

        Properties properties = OutboxRelay.producerProperties(new Properties(), configuration);

        assertThat(properties)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20000);
    }

    @Test
    void theApplicationsKafkaSettingsApplyExceptThoseAProducerDoesNotKnowAndThoseTheOutboxNeeds() {
        Properties kafka = new Properties();
        kafka.setProperty("bootstrap.servers", "kafka:9092");
        kafka.setProperty("security.protocol", "SASL_SSL");
        kafka.setProperty("health-timeout", "10s");
        kafka.setProperty("acks", "1");

        Properties properties = OutboxRelay.producerProperties(kafka, new OutboxConfiguration());

        assertThat(properties)
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("acks", "all")
                .doesNotContainKey("health-timeout");
    }
}
