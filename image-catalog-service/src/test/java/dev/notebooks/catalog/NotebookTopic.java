package dev.notebooks.catalog;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.testing.kafka.KafkaFixture;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** notebook-service's side of the {@code notebooks} topic: publishes notebook events exactly as its outbox relay does. */
public final class NotebookTopic implements AutoCloseable {

    private final CloudEventCodec codec = new CloudEventCodec();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaFixture.shared().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    /** Publishes the event (the same id every time it is given) and waits for Kafka's acknowledgement. */
    public void publish(PlatformEvent<?> event) {
        try {
            producer.send(codec.toRecord(Topics.NOTEBOOKS, event.key(), codec.encode(event)))
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
