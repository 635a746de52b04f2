package dev.notebooks.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.outbox.testapp.ChangeService;
import dev.notebooks.platform.outbox.testapp.OutboxTestApp;
import dev.notebooks.platform.outbox.testapp.TestTables;
import dev.notebooks.platform.testing.kafka.KafkaFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The outbox's promise, tested as it fails in life: Kafka down means events wait, never vanish. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaOutageTest implements TestPropertyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOutageTest.class);
    private static final int KEYS = 20;
    private static final int CHANGES_PER_KEY = 10;

    @Inject
    ChangeService changes;

    @Inject
    TestTables tables;

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        return OutboxTestApp.properties();
    }

    @Test
    void everyEventMadeWhileKafkaIsDownArrivesExactlyOnceAndInOrderPerKeyAfterItReturns() {
        KafkaFixture kafka = KafkaFixture.shared();
        String run = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        // the relay has published before, so its producer knows the topic when Kafka goes away, as in life
        changes.change("before-" + run, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> tables.countPending() == 0);
        double failuresBefore = meters.counter(OutboxMetrics.FAILURES).count();
        long started = System.nanoTime();

        kafka.stop();
        List<UUID> ids = new ArrayList<>();
        for (int sequence = 0; sequence < CHANGES_PER_KEY; sequence++) {
            for (int key = 0; key < KEYS; key++) {
                ids.add(changes.change(run + key, sequence));
            }
        }

        assertThat(tables.countChanges(run + "%")).isEqualTo(200);
        assertThat(meters.get(OutboxMetrics.PENDING).gauge().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        meters.counter(OutboxMetrics.FAILURES).count())
                .as("relay passes fail, bounded by max.block.ms and delivery.timeout.ms, and are retried")
                .isGreaterThanOrEqualTo(failuresBefore + 2));
        assertThat(meters.get(OutboxMetrics.PENDING).gauge().value()).isEqualTo(200);
        assertThat(meters.get(OutboxMetrics.OLDEST_PENDING_AGE).timeGauge().value())
                .isPositive();

        kafka.start();
        long kafkaBack = System.nanoTime();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> tables.findReceived(run + "%").size() == 200);
        LOG.info(
                "All 200 events applied {} ms after Kafka returned; the whole outage test took {} ms",
                Duration.ofNanos(System.nanoTime() - kafkaBack).toMillis(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        Map<String, List<Integer>> applied = sequencesByKey(tables.findReceived(run + "%"));
        Map<String, List<Integer>> expected = IntStream.range(0, KEYS)
                .boxed()
                .collect(Collectors.toMap(
                        key -> run + key,
                        key -> IntStream.range(0, CHANGES_PER_KEY).boxed().toList()));
        assertThat(applied).as("applied exactly once, in order per key").isEqualTo(expected);

        List<ReceivedEvent> inKafka = OutboxTestApp.topicLog().eventsWithKeyPrefix(run);
        assertThat(inKafka).extracting(ReceivedEvent::id).as("none lost").containsAll(ids);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        meters.get(OutboxMetrics.PENDING).gauge().value())
                .isZero());
    }

    /** {@code key:sequence} lines grouped by key, sequences in the order given. */
    private static Map<String, List<Integer>> sequencesByKey(List<String> lines) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (String each : lines) {
            int colon = each.lastIndexOf(':');
            byKey.computeIfAbsent(each.substring(0, colon), key -> new ArrayList<>())
                    .add(Integer.parseInt(each.substring(colon + 1)));
        }
        return byKey;
    }
}
