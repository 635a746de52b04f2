package dev.notebooks.profile.bench;

import dev.notebooks.platform.events.CloudEventCodec;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.testing.kafka.KafkaFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ingest half of the usage benchmark: the workload published to the real Kafka as notebook-service and
 * volume-service would (structured CloudEvents keyed by resource), then the service's one consumer timed until the
 * ledger has applied every distinct event.
 */
final class UsageIngest {

    private static final Duration LIMIT = Duration.ofHours(2);

    /**
     * @param produced how long publishing took (before the service starts)
     * @param ingest from the first applied event seen to the last
     * @param applied distinct events applied in that time
     */
    record Ingested(Duration produced, Duration ingest, long applied) {

        double eventsPerSecond() {
            return applied / (ingest.toNanos() / 1e9);
        }
    }

    private final Topics topics;
    private final Map<String, String> database;

    UsageIngest(Topics topics, Map<String, String> database) {
        this.topics = topics;
        this.database = database;
    }

    /** Publishes every delivery of the workload and waits for Kafka's acknowledgement of all. */
    Duration publish(UsageWorkload workload) {
        CloudEventCodec codec = new CloudEventCodec();
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KafkaFixture.shared().bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        "50",
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        String.valueOf(512 * 1024),
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            workload.deliver(delivery -> {
                String topic = topics.forType(delivery.event().type());
                producer.send(codec.toRecord(topic, delivery.event().key(), codec.encode(delivery.event())));
            });
            producer.flush();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Waits until {@code distinct} events are applied, timing from the first one seen applied. */
    Ingested await(long distinct, Duration produced) throws Exception {
        long waitStarted = System.nanoTime();
        long firstSeenAt = 0;
        long firstSeenCount = 0;
        long lastReport = waitStarted;
        try (Connection connection = DriverManager.getConnection(
                database.get("datasources.default.url"),
                database.get("datasources.default.username"),
                database.get("datasources.default.password"))) {
            while (true) {
                long count = applied(connection);
                long now = System.nanoTime();
                if (count > 0 && firstSeenAt == 0) {
                    firstSeenAt = now;
                    firstSeenCount = count;
                }
                if (count >= distinct) {
                    return new Ingested(produced, Duration.ofNanos(now - firstSeenAt), distinct - firstSeenCount);
                }
                if (now - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                    System.out.printf("         %,d of %,d applied%n", count, distinct);
                    lastReport = now;
                }
                if (now - waitStarted > LIMIT.toNanos()) {
                    throw new IllegalStateException("only %,d of %,d events applied".formatted(count, distinct));
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
    }

    private static long applied(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("select count(*) from processed_event where consumer = ?");
                ResultSet rows = executed(statement)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static ResultSet executed(PreparedStatement statement) throws SQLException {
        statement.setString(1, "profile-service.usage");
        return statement.executeQuery();
    }
}
