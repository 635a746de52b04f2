package dev.notebooks.profile.events.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.testing.kafka.EventTopicWriter;
import dev.notebooks.profile.ProfileServiceFixtures;
import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.Granularity;
import dev.notebooks.profile.domain.usage.UsageTotals;
import dev.notebooks.profile.service.usage.PeriodTotals;
import dev.notebooks.profile.store.usage.PublishedPeriod;
import dev.notebooks.profile.store.usage.UsageLedgerStore;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ledger is exact: a generated day of events for many notebooks and volumes, published to the real Kafka with
 * duplicates and shuffled across and within resources, while periods are being closed, gives every profile's hourly
 * figures exactly as the generator's own integer arithmetic does, and every period's last published figure (closed,
 * then corrected by the late events) equals them too.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageLedgerExactnessTest implements TestPropertyProvider {

    private static final Duration CONSUMED = Duration.ofSeconds(120);

    @Inject
    Reads reads;

    private final EventTopicWriter notebooks = new EventTopicWriter(Topics.NOTEBOOKS);
    private final EventTopicWriter volumes = new EventTopicWriter(Topics.VOLUMES);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ProfileServiceFixtures.properties();
        properties.put("usage.close-check-interval", "200ms");
        properties.put("usage.close-delay", "0s");
        return properties;
    }

    @AfterAll
    void closeProducers() {
        notebooks.close();
        volumes.close();
    }

    @Test
    void aShuffledDuplicatedDayGivesTheExpectedFiguresExactlyAndPublishesThemCorrected() {
        String run = ProfileServiceFixtures.uniqueName("metered");
        List<String> profiles =
                IntStream.range(0, 6).mapToObj(i -> run + "-" + i).toList();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(2, ChronoUnit.DAYS);
        GeneratedDay generated = new GeneratedDay(run.hashCode(), day, profiles, 12, 6);
        assertThat(generated.lostStops).as("the day has lost stops").isPositive();

        List<PlatformEvent<?>> notebookDelivery = generated.delivery(generated.notebookEvents, 0.2);
        List<PlatformEvent<?>> volumeDelivery = generated.delivery(generated.volumeEvents, 0.2);
        for (int i = 0; i < Math.max(notebookDelivery.size(), volumeDelivery.size()); i++) {
            if (i < notebookDelivery.size()) {
                notebooks.publish(notebookDelivery.get(i));
            }
            if (i < volumeDelivery.size()) {
                volumes.publish(volumeDelivery.get(i));
            }
        }

        Map<String, Map<Instant, Map<String, String>>> expected = expected(generated);
        await().atMost(CONSUMED)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(ledger(profiles, day)).isEqualTo(expected));
        await().atMost(CONSUMED)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(published(profiles, day)).isEqualTo(expected));
        for (String profile : profiles) {
            assertThat(figures(generated.dayOf(profile)))
                    .as("the day's totals of %s", profile)
                    .isEqualTo(figures(reads.day(profile, day)));
        }
    }

    private Map<String, Map<Instant, Map<String, String>>> expected(GeneratedDay generated) {
        Map<String, Map<Instant, Map<String, String>>> expected = new TreeMap<>();
        generated.expected.forEach((profile, hours) -> {
            Map<Instant, Map<String, String>> byHour = new TreeMap<>();
            hours.forEach((hour, figures) -> byHour.put(hour, figures(figures)));
            expected.put(profile, byHour);
        });
        return expected;
    }

    private Map<String, Map<Instant, Map<String, String>>> ledger(List<String> profiles, Instant day) {
        Map<String, Map<Instant, Map<String, String>>> ledger = new TreeMap<>();
        for (String profile : profiles) {
            Map<Instant, Map<String, String>> byHour = new TreeMap<>();
            reads.totals(profile, day).forEach((hour, totals) -> byHour.put(hour, figures(totals)));
            ledger.put(profile, byHour);
        }
        return ledger;
    }

    private Map<String, Map<Instant, Map<String, String>>> published(List<String> profiles, Instant day) {
        Map<String, Map<Instant, Map<String, String>>> published = new TreeMap<>();
        for (String profile : profiles) {
            Map<Instant, Map<String, String>> byHour = new TreeMap<>();
            for (int hour = 0; hour < 24; hour++) {
                Instant start = day.plus(hour, ChronoUnit.HOURS);
                byHour.put(
                        start,
                        figures(UsageTotals.parse(reads.published(profile, start)
                                .map(PublishedPeriod::totals)
                                .orElse(""))));
            }
            published.put(profile, byHour);
        }
        return published;
    }

    private static Map<String, String> figures(GeneratedDay.Expected expected) {
        Map<String, String> figures = new TreeMap<>();
        put(figures, "cpu core-ms", BigDecimal.valueOf(expected.millicoreMs, 3));
        put(figures, "memory byte-ms", new BigDecimal(expected.memoryByteMs()));
        expected.gpuMs.forEach((vendor, ms) -> put(figures, "gpu-ms " + vendor, BigDecimal.valueOf(ms)));
        expected.storageMibMs.forEach((storageClass, mibMs) -> put(
                figures,
                "storage byte-ms " + storageClass,
                new BigDecimal(java.math.BigInteger.valueOf(mibMs).shiftLeft(20))));
        return figures;
    }

    private static Map<String, String> figures(UsageTotals totals) {
        Map<String, String> figures = new TreeMap<>();
        Amounts sum = totals.sum();
        put(figures, "cpu core-ms", sum.cpuCoreMs());
        put(figures, "memory byte-ms", sum.memoryByteMs());
        totals.gpuMsByVendor().forEach((vendor, ms) -> put(figures, "gpu-ms " + vendor, ms));
        totals.storageByteMsByClass()
                .forEach((storageClass, byteMs) -> put(figures, "storage byte-ms " + storageClass, byteMs));
        return figures;
    }

    private static void put(Map<String, String> figures, String name, BigDecimal value) {
        if (value.signum() != 0) {
            figures.put(name, Amounts.plain(value).toPlainString());
        }
    }

    /** The ledger's reads, each in a read-only transaction as the service's own reads are. */
    @jakarta.inject.Singleton
    static class Reads {

        private final PeriodTotals periodTotals;
        private final UsageLedgerStore store;

        Reads(PeriodTotals periodTotals, UsageLedgerStore store) {
            this.periodTotals = periodTotals;
            this.store = store;
        }

        @ReadOnly
        public TreeMap<Instant, UsageTotals> totals(String profile, Instant day) {
            return periodTotals.of(profile, day, day.plus(1, ChronoUnit.DAYS), Granularity.HOUR);
        }

        @ReadOnly
        public UsageTotals day(String profile, Instant day) {
            return periodTotals
                    .of(profile, day, day.plus(1, ChronoUnit.DAYS), Granularity.DAY)
                    .firstEntry()
                    .getValue();
        }

        @ReadOnly
        public java.util.Optional<PublishedPeriod> published(String profile, Instant start) {
            return store.published(profile, start);
        }
    }
}
