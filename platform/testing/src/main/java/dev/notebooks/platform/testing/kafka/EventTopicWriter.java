package dev.notebooks.platform.testing.kafka;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.PlatformEvent;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Another service's side of a topic of the shared Kafka: publishes events exactly as an outbox relay does. */
public final class EventTopicWriter implements AutoCloseable {

    private final String topic;
    private final CloudEventCodec codec = new CloudEventCodec();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaFixture.shared().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    public EventTopicWriter(String topic) {
        this.topic = topic;
    }

    /** Publishes the event (the same id every time it is given) and waits for Kafka's acknowledgement. */
    public void publish(PlatformEvent<?> event) {
        try {
            producer.send(codec.toRecord(topic, event.key(), codec.encode(event)))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing " + event.type(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
