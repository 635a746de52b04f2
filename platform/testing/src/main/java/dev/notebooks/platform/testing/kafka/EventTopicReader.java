package dev.notebooks.platform.testing.kafka;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.EventSchemas;
import dev.notebooks.platform.events.ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A topic of the shared Kafka as it really is, read from the start without a consumer group. Every event read by key
 * is checked against its JSON schema first: a message that breaks it fails the test.
 */
public final class EventTopicReader {

    private static final EventSchemas SCHEMAS = new EventSchemas();
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final CloudEventCodec codec = new CloudEventCodec();

    public EventTopicReader(String topic) {
        this.topic = topic;
    }

    /** @return every message on the topic so far, unchecked, in order per partition (empty if the topic is absent) */
    public List<ConsumerRecord<String, byte[]>> records() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaFixture.shared().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitionInfos = consumer.listTopics().get(topic);
            if (partitionInfos == null) {
                return List.of();
            }
            List<TopicPartition> partitions = partitionInfos.stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }

    /** @return the events with this key (the subject's id or name), in the order they were published */
    public List<ReceivedEvent> eventsAbout(String key) {
        return records().stream()
                .filter(record -> key.equals(record.key()))
                .map(this::checkedEvent)
                .toList();
    }

    /** @return the events of every key, each key's in the order they were published (one read for many subjects) */
    public Map<String, List<ReceivedEvent>> eventsByKey() {
        Map<String, List<ReceivedEvent>> byKey = new HashMap<>();
        records().forEach(record -> byKey.computeIfAbsent(record.key(), key -> new ArrayList<>())
                .add(checkedEvent(record)));
        return byKey;
    }

    /** @return the types of the events with this key, in order, such as {@code profile.created.v1} */
    public List<String> typesAbout(String key) {
        return eventsAbout(key).stream().map(ReceivedEvent::type).toList();
    }

    private ReceivedEvent checkedEvent(ConsumerRecord<String, byte[]> record) {
        List<String> violations = SCHEMAS.validate(record.value());
        if (!violations.isEmpty()) {
            throw new AssertionError("event breaks its schema: " + violations + "\n"
                    + new String(record.value(), StandardCharsets.UTF_8));
        }
        return codec.decode(record);
    }
}
