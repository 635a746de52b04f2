package dev.notebooks.profile.registration;

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

/** auth-service's side of the {@code accounts} topic: publishes account events exactly as its outbox relay does. */
final class AccountTopic implements AutoCloseable {

    private final CloudEventCodec codec = new CloudEventCodec();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaFixture.shared().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    /** Publishes the event (the same id every time it is given) and waits for Kafka's acknowledgement. */
    void publish(PlatformEvent<?> event) {
        try {
            producer.send(codec.toRecord(Topics.ACCOUNTS, event.key(), codec.encode(event)))
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
