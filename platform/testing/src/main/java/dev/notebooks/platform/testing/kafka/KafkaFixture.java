package dev.notebooks.platform.testing.kafka;

import dev.notebooks.platform.testing.Containers;
import dev.notebooks.platform.testing.FixtureFiles;
import dev.notebooks.platform.testing.LocalPorts;
import dev.notebooks.platform.testing.SharedFixtures;
import dev.notebooks.platform.testing.Timing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka every test in this JVM shares, started on first use: the brokers named by
 * {@code KAFKA_BOOTSTRAP_SERVERS} when set, a Testcontainers Kafka when {@linkplain Containers#requested() asked
 * for}, otherwise a {@link KafkaBrokerProcess} on free ports. Topics are created on first use.
 *
 * <p>Tests of what happens while Kafka is down {@link #stop()} and {@link #start()} it; it comes back at the same
 * bootstrap address with the same data.
 */
public final class KafkaFixture {

    public static final String BOOTSTRAP_SERVERS_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFixture.class);

    private static KafkaFixture shared;

    private final String description;
    private final String bootstrapServers;
    /** How to take the broker down and up again; null for brokers we did not start. */
    private final RestartableBroker broker;

    private KafkaFixture(String description, String bootstrapServers, RestartableBroker broker) {
        this.description = description;
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
    }

    /** The JVM-wide Kafka, started by the first caller; stopped when the test session ends. */
    public static synchronized KafkaFixture shared() {
        if (shared == null) {
            long started = System.nanoTime();
            shared = startKafka();
            KafkaFixture fixture = shared;
            SharedFixtures.closeAtEnd(fixture.description, () -> {
                forgetShared();
                if (fixture.broker != null) {
                    fixture.broker.close();
                }
            });
            LOG.info(
                    "{} ready in {} ms at {}",
                    fixture.description,
                    Timing.millisSince(started),
                    fixture.bootstrapServers);
        }
        return shared;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Micronaut's {@code kafka.bootstrap.servers}. */
    public Map<String, String> properties() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    /** Whether {@link #stop()} and {@link #start()} work: not for a broker given by {@code KAFKA_BOOTSTRAP_SERVERS}. */
    public boolean canStop() {
        return broker != null;
    }

    /** Takes Kafka down: clients can no longer reach it until {@link #start()}. */
    public void stop() {
        requireStoppable().stop();
        LOG.info("{} stopped by a test", description);
    }

    /** Brings Kafka back at the same bootstrap address with the same data; returns once it serves requests. */
    public void start() {
        long started = System.nanoTime();
        requireStoppable().start();
        LOG.info("{} started again in {} ms", description, Timing.millisSince(started));
    }

    private RestartableBroker requireStoppable() {
        if (broker == null) {
            throw new UnsupportedOperationException(
                    "Kafka from " + BOOTSTRAP_SERVERS_ENV + " is not ours to stop; check canStop() first");
        }
        return broker;
    }

    private static synchronized void forgetShared() {
        shared = null;
    }

    private static KafkaFixture startKafka() {
        String external = System.getenv(BOOTSTRAP_SERVERS_ENV);
        if (external != null && !external.isBlank()) {
            return new KafkaFixture("Kafka from " + BOOTSTRAP_SERVERS_ENV, external, null);
        }
        if (Containers.requested()) {
            KafkaContainerBroker container = KafkaContainerBroker.launch();
            return new KafkaFixture("Kafka container", container.bootstrapServers(), container);
        }
        Path dir = FixtureFiles.temporaryDirectory("platform-kafka-");
        List<Integer> ports = LocalPorts.free(2);
        KafkaBrokerProcess process = KafkaBrokerProcess.start(
                dir, ports.get(0), ports.get(1), FixtureFiles.freshLogFile("kafka-broker.log"));
        return new KafkaFixture("Kafka broker process", process.bootstrapServers(), new TemporaryBroker(process, dir));
    }

    /** A broker this fixture started and may take down and bring back. */
    interface RestartableBroker extends AutoCloseable {
        void stop();

        void start();
    }

    /** The broker process this fixture started, with its data in a temporary directory deleted at the end. */
    private record TemporaryBroker(KafkaBrokerProcess process, Path dir) implements RestartableBroker {
        @Override
        public void stop() {
            process.stop();
        }

        @Override
        public void start() {
            process.start();
        }

        @Override
        public void close() throws IOException {
            process.close();
            FixtureFiles.deleteRecursively(dir);
        }
    }
}
