package dev.notebooks.catalog;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.EventSchemas;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.testing.kafka.KafkaFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The {@code catalog} topic as it really is in Kafka, read from the start without a consumer group. Every event read
 * is checked against its JSON schema first: a message that breaks it fails the test.
 */
public final class CatalogTopic {

    private static final EventSchemas SCHEMAS = new EventSchemas();
    private final CloudEventCodec codec = new CloudEventCodec();

    /** @return the events with this key (an image id, or a server type for default changes), in order */
    public List<ReceivedEvent> eventsAbout(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaFixture.shared().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitionInfos = consumer.listTopics().get(Topics.CATALOG);
            if (partitionInfos == null) {
                return List.of();
            }
            List<TopicPartition> partitions = partitionInfos.stream()
                    .map(partition -> new TopicPartition(Topics.CATALOG, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ReceivedEvent> events = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        List<String> violations = SCHEMAS.validate(record.value());
                        if (!violations.isEmpty()) {
                            throw new AssertionError("event breaks its schema: " + violations + "\n"
                                    + new String(record.value(), StandardCharsets.UTF_8));
                        }
                        events.add(codec.decode(record));
                    }
                });
            }
            return events;
        }
    }

    public List<String> typesAbout(String key) {
        return eventsAbout(key).stream().map(ReceivedEvent::type).toList();
    }
}
