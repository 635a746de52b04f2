package dev.notebooks.platform.outbox;

import dev.notebooks.platform.events.CloudEventCodec;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes pending outbox events to Kafka, one batch per call, and marks the acknowledged ones sent. */
@Singleton
class OutboxRelay {

    private final OutboxEventRepository repository;
    private final CloudEventCodec codec;
    private final OutboxConfiguration configuration;
    private final OutboxMetrics metrics;
    private final Producer<String, byte[]> producer;

    OutboxRelay(
            OutboxEventRepository repository,
            CloudEventCodec codec,
            OutboxConfiguration configuration,
            OutboxMetrics metrics,
            KafkaDefaultConfiguration kafka) {
        this.repository = repository;
        this.codec = codec;
        this.configuration = configuration;
        this.metrics = metrics;
        this.producer = new KafkaProducer<>(
                producerProperties(kafka.getConfig(), configuration),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** The application's {@code kafka.*} settings that a producer knows, with what the outbox's guarantees need. */
    static Properties producerProperties(Properties kafka, OutboxConfiguration configuration) {
        Properties properties = new Properties();
        kafka.stringPropertyNames().stream()
                .filter(ProducerConfig.configNames()::contains)
                .forEach(name -> properties.setProperty(name, kafka.getProperty(name)));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(configuration.getMaxBlock()));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(configuration.getDeliveryTimeout()));
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(configuration.getDeliveryTimeout()));
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return properties;
    }

    /**
     * One pass: publish up to a batch of pending events in outbox order, wait for Kafka's acknowledgements, mark the
     * acknowledged events sent. A Kafka failure ends the pass without an exception; the unacknowledged events stay
     * pending for the next pass. The transaction (and the relay lock) lasts at most max.block.ms plus
     * delivery.timeout.ms.
     */
    @Transactional
    public RelayPass relayBatch() {
        // A single relay at a time (not SKIP LOCKED, which would let two replicas send one key's events concurrently
        // out of order): rows leave in the order they were written, whichever replica sends them.
        if (!repository.tryRelayLock()) {
            return RelayPass.LOCKED_ELSEWHERE;
        }
        List<OutboxEvent> batch = repository.findPending(configuration.getBatchSize());
        try {
            // waits at most max.block.ms once, rather than once per event, when Kafka is unreachable
            batch.stream().map(OutboxEvent::topic).distinct().forEach(producer::partitionsFor);
            List<Future<RecordMetadata>> acks = batch.stream()
                    .map(event -> producer.send(codec.toRecord(event.topic(), event.eventKey(), event.payload())))
                    .toList();
            return markAcknowledgedSent(batch, acks);
        } catch (KafkaException e) {
            return new RelayPass(0, e);
        }
    }

    private RelayPass markAcknowledgedSent(List<OutboxEvent> batch, List<Future<RecordMetadata>> acks) {
        List<Long> sent = new ArrayList<>(acks.size());
        KafkaException failure = null;
        for (int i = 0; i < acks.size() && !Thread.currentThread().isInterrupted(); i++) {
            try {
                acks.get(i).get(); // completes within delivery.timeout.ms
                sent.add(batch.get(i).seq());
            } catch (ExecutionException e) {
                failure = failure != null ? failure : asKafkaException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new KafkaException("interrupted while waiting for Kafka's acknowledgements", e);
            }
        }
        if (!sent.isEmpty()) {
            repository.markSent(sent);
            metrics.published(sent.size());
        }
        return new RelayPass(sent.size(), failure);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static KafkaException asKafkaException(Throwable cause) {
        return cause instanceof KafkaException kafka ? kafka : new KafkaException(cause);
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    /**
     * What a relay pass did.
     *
     * @param published events Kafka acknowledged and the pass marked sent
     * @param failure why the other pending events of the batch were not published, if any
     */
    record RelayPass(int published, @Nullable KafkaException failure) {

        static final RelayPass LOCKED_ELSEWHERE = new RelayPass(0, null);

        boolean failed() {
            return failure != null;
        }
    }
}
